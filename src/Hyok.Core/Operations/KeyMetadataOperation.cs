using Hyok.KeyStores;
using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>GetKeyMetadata (xks-spec.md §4.1): a disabled key still answers 200 with <c>keyStatus: DISABLED</c>.</summary>
public sealed class KeyMetadataOperation(KeyResolver keys)
{
    public async ValueTask<XksResult<KeyMetadataResponse>> ExecuteAsync(LogicalKeyStore store, string keyId, CancellationToken cancellationToken)
    {
        var key = await keys.ResolveAsync(store, keyId, cancellationToken).ConfigureAwait(false);
        return key.IsSuccess ? Describe(key.Value) : key.ErrorAs<KeyMetadataResponse>();
    }

    internal static KeyMetadataResponse Describe(KeyDescriptor key)
    {
        var usages = new List<string>(2);
        if (key.Usage.HasFlag(KeyUsage.Encrypt))
        {
            usages.Add("ENCRYPT");
        }

        if (key.Usage.HasFlag(KeyUsage.Decrypt))
        {
            usages.Add("DECRYPT");
        }

        return new KeyMetadataResponse("AES_256", usages, key.State == KeyState.Enabled ? "ENABLED" : "DISABLED");
    }
}
