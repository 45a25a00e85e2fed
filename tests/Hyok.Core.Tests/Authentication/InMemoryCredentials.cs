namespace Hyok.Authentication;

/// <summary>An <see cref="ICredentialLookup"/> over a fixed table of (key store, access key id) → secret.</summary>
internal sealed class InMemoryCredentials : ICredentialLookup
{
    private readonly Dictionary<(string KeyStore, string AccessKeyId), string> secrets = [];

    public InMemoryCredentials Add(string keyStore, string accessKeyId, string secret)
    {
        secrets[(keyStore, accessKeyId)] = secret;
        return this;
    }

    public string? FindSecret(string keyStore, string accessKeyId) =>
        secrets.TryGetValue((keyStore, accessKeyId), out string? secret) ? secret : null;
}
