namespace Hyok.Kms.Configuration;

/// <summary>
/// The <c>Hyok:Kms</c> configuration section of the KMS emulator (docs/configuration.md, docs/kms-emulator.md).
/// Relative paths are resolved against the configuration file's folder (or the data folder without one).
/// </summary>
public sealed class KmsOptions
{
    public const string SectionName = "Hyok:Kms";
    public const string DefaultListen = "127.0.0.1:8090";

    /// <summary><c>IP:port</c> or <c>localhost:port</c>; port 0 picks a free port.</summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>The emulator's AWS Region: in every ARN and the SigV4 credential scope callers must sign with.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The 12-digit AWS account id in every ARN.</summary>
    public string AccountId { get; set; } = "111122223333";

    /// <summary>The SQLite file holding keys and aliases (created with mode 0600).</summary>
    public string DatabaseFile { get; set; } = "kms.db";

    /// <summary>The master key sealing key material (Base64 of 32 bytes, mode 0600); created with the database on first run.</summary>
    public string? MasterKeyFile { get; set; } = "kms-master.key";

    /// <summary>When this variable is set, the master key comes from it instead of <see cref="MasterKeyFile"/>.</summary>
    public string MasterKeyEnvironmentVariable { get; set; } = "HYOK_KMS_MASTER_KEY";

    /// <summary>JSON file of caller credentials (see <see cref="KmsCredentialsFile"/>); created with one random credential on first run.</summary>
    public string? CredentialsFile { get; set; } = "kms-credentials.json";

    /// <summary>PEM certificate (leaf first, then intermediates) for HTTPS; with <see cref="CertificateKeyFile"/>. Unset: plain HTTP.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="CertificateFile"/>.</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>Largest request body accepted (KMS requests are small; 6 KiB ciphertexts Base64-encoded fit well within the default).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The principal ARN given to callers that authenticate with the environment credential (<c>HYOK_KMS_ACCESS_KEY_ID</c>).</summary>
    public string? DefaultPrincipalArn { get; set; }

    /// <summary>
    /// A PEM file of certificates the emulator trusts as roots when it calls external key store proxies (real KMS trusts
    /// only public CAs, xks-spec.md §8). Unset: the system roots only.
    /// </summary>
    public string? XksCaBundleFile { get; set; }

    /// <summary>Whether the system roots are trusted besides <see cref="XksCaBundleFile"/> (default true).</summary>
    public bool XksTrustSystemRoots { get; set; } = true;

    /// <summary>
    /// PEM client certificate (leaf first, then intermediates) the emulator presents to proxies that require mutual TLS,
    /// as KMS presents one for <c>cks.kms.&lt;region&gt;.amazonaws.com</c> (xks-spec.md §7.5); with
    /// <see cref="XksClientCertificateKeyFile"/>. Unset: no client certificate.
    /// </summary>
    public string? XksClientCertificateFile { get; set; }

    /// <summary>PEM (PKCS#8) private key of <see cref="XksClientCertificateFile"/>.</summary>
    public string? XksClientCertificateKeyFile { get; set; }

    /// <summary>The deadline of every proxy call in milliseconds: 250 as in KMS (xks-spec.md §9); raise it only for debugging.</summary>
    public int XksTimeoutMilliseconds { get; set; } = 250;

    /// <summary>How often connected external key stores get a <c>KmsHealthCheck</c> GetHealthStatus call, in seconds (0: never).</summary>
    public int XksHealthCheckSeconds { get; set; } = 60;

    public string PrincipalArnOrDefault => DefaultPrincipalArn ?? $"arn:aws:iam::{AccountId}:user/emulator";
}
