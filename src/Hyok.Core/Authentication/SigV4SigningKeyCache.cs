using System.Security.Cryptography;

namespace Hyok.Authentication;

/// <summary>
/// The derived SigV4 signing keys (<see cref="SigV4SigningKey"/>) of recent (secret, date, region, service) scopes, so a
/// request costs one HMAC for its signature instead of five (xks-spec.md §7.1). The secret is part of the key, so a
/// rotated credential (same access key id, new secret) derives afresh and a removed one is never served again.
/// Bounded: when full, every entry is zeroed and dropped. Keys are copied out under the lock, never handed out,
/// never logged.
/// </summary>
internal sealed class SigV4SigningKeyCache(int capacity = SigV4SigningKeyCache.DefaultCapacity)
{
    /// <summary>Plenty for the credentials of all key stores over a day boundary; a miss only costs four HMACs.</summary>
    public const int DefaultCapacity = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<Scope, byte[]> keys = [];

    /// <summary>Number of cached keys (for tests).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return keys.Count;
            }
        }
    }

    /// <summary>Writes the 32-byte signing key of the scope into <paramref name="destination"/>, deriving it on a miss.</summary>
    /// <param name="date">The scope date, eight ASCII digits (already validated).</param>
    public void Get(string secret, ReadOnlySpan<char> date, string region, string service, Span<byte> destination)
    {
        if (date.Length != 8 || date.ContainsAnyExceptInRange('0', '9'))
        {
            SigV4SigningKey.Derive(secret, date, region, destination, service);
            return;
        }

        var scope = new Scope(secret, DateNumber(date), region, service);
        lock (gate)
        {
            if (keys.TryGetValue(scope, out byte[]? cached))
            {
                cached.CopyTo(destination);
                return;
            }
        }

        var derived = new byte[32];
        SigV4SigningKey.Derive(secret, date, region, derived, service);
        derived.CopyTo(destination);
        lock (gate)
        {
            if (keys.Count >= capacity)
            {
                Clear();
            }

            if (!keys.TryAdd(scope, derived))
            {
                CryptographicOperations.ZeroMemory(derived);
            }
        }
    }

    /// <summary>Zeroes and drops every cached key.</summary>
    public void Clear()
    {
        lock (gate)
        {
            foreach (byte[] key in keys.Values)
            {
                CryptographicOperations.ZeroMemory(key);
            }

            keys.Clear();
        }
    }

    private static int DateNumber(ReadOnlySpan<char> date)
    {
        int value = 0;
        foreach (char digit in date)
        {
            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    private readonly record struct Scope(string Secret, int Date, string Region, string Service)
    {
        /// <summary>Keeps the secret out of any diagnostic output.</summary>
        public override string ToString() => $"Scope {{ Date = {Date}, Region = {Region}, Service = {Service} }}";
    }
}
