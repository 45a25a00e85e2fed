namespace Hyok.Cli.Targets;

/// <summary>Where and as whom to send: a key store's API base, its SigV4 credential, the key, and the certificate to trust.</summary>
/// <remarks>A class, not a record: a generated <c>ToString</c> would print the secret.</remarks>
internal sealed class XksTarget
{
    /// <summary>The key store's API base, e.g. <c>https://localhost:8443/keystores/default/kms/xks/v1</c>.</summary>
    public required Uri ApiUri { get; init; }

    public required string Region { get; init; }

    public required string AccessKeyId { get; init; }

    public required string Secret { get; init; }

    public required string KeyId { get; init; }

    /// <summary>PEM file whose certificates are the only ones trusted; null for the system's trust.</summary>
    public string? CaCertificateFile { get; init; }
}
