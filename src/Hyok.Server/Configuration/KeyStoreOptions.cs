namespace Hyok.Server.Configuration;

/// <summary>One logical external key store (<c>Hyok:KeyStores:N</c>, xks-spec.md §2.1).</summary>
public sealed class KeyStoreOptions
{
    /// <summary>Name used by the CLI and stored with keys and credentials.</summary>
    public string Name { get; set; } = "";

    /// <summary>URI path prefix before <c>/kms/xks/v1</c>; empty or starting with <c>/</c>.</summary>
    public string PathPrefix { get; set; } = "";

    /// <summary>The AWS Region KMS signs requests with.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Secondary-authorization policy of this key store (xks-spec.md §7.6, docs/policy.md); relative to the
    /// configuration file's folder. Unset: no policy, every authenticated request is served.
    /// </summary>
    public string? PolicyFile { get; set; }

    /// <summary>
    /// Optional rate quota of this key store's key operations (Encrypt, Decrypt, GetKeyMetadata; not GetHealthStatus) in
    /// requests per second; above it the proxy answers ThrottlingException. Unset: no quota.
    /// </summary>
    public double? RateLimitPerSecond { get; set; }

    /// <summary>How many requests may come at once above the rate (the token bucket's size); unset: one second's worth (at least 1).</summary>
    public int? RateLimitBurst { get; set; }

    /// <summary>The effective burst: <see cref="RateLimitBurst"/>, else one second's worth of <see cref="RateLimitPerSecond"/>.</summary>
    internal int EffectiveBurst => RateLimitBurst ?? Math.Max(1, (int)Math.Ceiling(RateLimitPerSecond ?? 1));
}
