using System.Security.Cryptography;

namespace Hyok.Keys.Software;

/// <summary>The deep health probe (xks-spec.md §4.4).</summary>
public sealed partial class SoftwareKeyBackend
{
    private static readonly byte[] ProbeAad = "hyok health probe"u8.ToArray();

    /// <summary>
    /// True when the database was polled successfully just now and a real AES-GCM encrypt and decrypt with
    /// the dedicated health key (<c>hyok:health</c>, unreachable by any request) round-trips.
    /// </summary>
    public ValueTask<bool> ProbeAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Probe());

    private bool Probe()
    {
        Span<byte> sample = stackalloc byte[32];
        byte[]? decrypted = null;
        try
        {
            if (!_watcher.IsHealthy(out _))
            {
                return false;
            }

            using var lease = _watcher.Acquire();
            if (lease.Snapshot.HealthKey is not { } healthKey)
            {
                return false;
            }

            RandomNumberGenerator.Fill(sample);
            var sealedSample = Seal(healthKey.Material, sample, ProbeAad);
            var opened = Open(healthKey.Material, sealedSample, ProbeAad);
            decrypted = opened.Value;
            return opened.IsSuccess && CryptographicOperations.FixedTimeEquals(decrypted, sample);
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
            CryptographicOperations.ZeroMemory(decrypted);
        }
    }
}
