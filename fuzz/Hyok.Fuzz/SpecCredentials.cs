using Hyok.Authentication;

namespace Hyok.Fuzz;

/// <summary>The test vector of xks-spec.md §7.1: its key store, credential and signing instant.</summary>
internal sealed class SpecCredentials : ICredentialLookup
{
    public const string KeyStore = "example";
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIAI2SFODNN7EXAMPLE";
    public const string Secret = "FYtE5EFA5FT0mCc3DrGUe2sti527BitkQ0Zr9MO9fvE";

    public static readonly DateTimeOffset SignedAt = new(2024, 5, 15, 12, 0, 0, TimeSpan.Zero);

    public string? FindSecret(string keyStore, string accessKeyId) =>
        keyStore == KeyStore && accessKeyId == AccessKeyId ? Secret : null;
}
