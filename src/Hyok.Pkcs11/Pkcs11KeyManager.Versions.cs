using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Protocol;

namespace Hyok.Pkcs11;

/// <summary>
/// Key versions on the token (decision 0010): each version is its own non-extractable AES-256 token object labelled
/// <see cref="KeyVersionLabels.For"/>; retiring a version destroys its object (C_DestroyObject).
/// </summary>
public sealed partial class Pkcs11KeyManager
{
    /// <summary>Generates the object of <paramref name="version"/> (≥ 2) of <paramref name="keyId"/> with <paramref name="usage"/>.</summary>
    /// <exception cref="KeyManagementException">Invalid id or version, the object exists, or the token failed.</exception>
    public async Task CreateVersionAsync(string keyId, int version, KeyUsage usage, CancellationToken cancellationToken)
    {
        RequireVersionOf(keyId, version, minimum: 2);
        var label = KeyVersionLabels.For(keyId, version);
        var created = await token.RunAsync((session, _) =>
        {
            if (Pkcs11KeyObjects.FindAesKeys(session, label).Count > 0)
            {
                return XksResult<bool>.Success(false);
            }

            Pkcs11KeyObjects.Generate(session, label, usage);
            return XksResult<bool>.Success(true);
        }, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            throw Failed($"cannot create version {version} of key '{keyId}'", created.Error);
        }

        if (!created.Value)
        {
            throw new KeyManagementException($"an object labelled '{label}' already exists on token '{token.Info.Label}'");
        }
    }

    /// <summary>Destroys the token object(s) of <paramref name="version"/> of <paramref name="keyId"/>; returns how many.</summary>
    /// <exception cref="KeyManagementException">Invalid id or version, or the token failed.</exception>
    public async Task<int> DestroyVersionAsync(string keyId, int version, CancellationToken cancellationToken)
    {
        RequireVersionOf(keyId, version, minimum: 1);
        var label = KeyVersionLabels.For(keyId, version);
        var destroyed = await token.RunAsync((session, _) =>
        {
            var found = Pkcs11KeyObjects.FindAesKeys(session, label);
            foreach (var handle in found)
            {
                session.DestroyObject(handle);
            }

            return XksResult<int>.Success(found.Count);
        }, cancellationToken).ConfigureAwait(false);
        return destroyed.IsSuccess ? destroyed.Value : throw Failed($"cannot destroy version {version} of key '{keyId}'", destroyed.Error);
    }

    private static void RequireVersionOf(string keyId, int version, int minimum)
    {
        if (!SoftwareKeyStore.IsValidKeyId(keyId) || version < minimum)
        {
            throw new KeyManagementException($"'{keyId}' version {version} is not a valid key version");
        }
    }
}
