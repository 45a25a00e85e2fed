using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>GetKeyMetadata (xks-spec.md §4.1): a disabled key still answers 200 with <c>keyStatus: DISABLED</c>.</summary>
public static class KeyMetadataOperation
{
    public static KeyMetadataResponse Execute(KeyDescriptor key)
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
