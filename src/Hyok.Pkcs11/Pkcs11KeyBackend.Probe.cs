using System.Security.Cryptography;
using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Pkcs11;

/// <summary>The deep health probe (xks-spec.md §4.4) with the dedicated health key.</summary>
public sealed partial class Pkcs11KeyBackend
{
    private static readonly byte[] ProbeAad = "hyok health probe"u8.ToArray();

    /// <summary>
    /// True when a real AES-GCM encrypt and decrypt on the token with the health key <c>hyok:health</c>
    /// (unreachable by any request) round-trips now. Never throws.
    /// </summary>
    public async ValueTask<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        byte[] sample = RandomNumberGenerator.GetBytes(32);
        try
        {
            var probe = await _token.RunAsync((session, generation) =>
                WithKey(session, generation, Pkcs11Token.HealthKeyLabel, KeyUsage.EncryptDecrypt, key =>
                {
                    var sealedSample = Seal(session, key, sample, ProbeAad);
                    var opened = sealedSample.IsSuccess ? Open(session, key, sealedSample.Value, ProbeAad) : sealedSample.ErrorAs<byte[]>();
                    bool same = opened.IsSuccess && CryptographicOperations.FixedTimeEquals(opened.Value, sample);
                    CryptographicOperations.ZeroMemory(opened.Value);
                    return XksResult<bool>.Success(same);
                }), cancellationToken).ConfigureAwait(false);
            return probe.IsSuccess && probe.Value;
        }
#pragma warning disable CA1031 // A probe answers false; it never throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sample);
        }
    }
}
