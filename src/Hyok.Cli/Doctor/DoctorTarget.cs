using System.Net;

namespace Hyok.Cli.Doctor;

/// <summary>
/// The key store as it would be configured in KMS (XksProxyUriEndpoint, XksProxyUriPath, credential, optionally a key)
/// and where to reach it from here: the endpoint itself, or <c>--connect HOST:PORT</c> (the name, SNI and certificate
/// check stay those of the endpoint, as with curl's --connect-to).
/// </summary>
/// <remarks>A class, not a record: a generated <c>ToString</c> would print the secret.</remarks>
internal sealed class DoctorTarget
{
    /// <summary><c>XksProxyUriEndpoint</c> as given, e.g. <c>https://xks.example.com</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary><c>XksProxyUriPath</c>: the prefix given, then <c>/kms/xks/v1</c>.</summary>
    public required string UriPath { get; init; }

    public required string Region { get; init; }

    public required string AccessKeyId { get; init; }

    public required string Secret { get; init; }

    public string? KeyId { get; init; }

    /// <summary>A PEM file of private CA certificates trusted besides the system roots (reported: KMS trusts only public CAs).</summary>
    public string? CaFile { get; init; }

    /// <summary>The <c>--connect</c> address; null to connect to the endpoint's own host and port.</summary>
    public DnsEndPoint? ConnectTo { get; init; }

    /// <summary>The longest wait for any one network step (connect, handshake, one call).</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The endpoint when it is an absolute https URI with a host; null otherwise (no network checks then).</summary>
    public Uri? EndpointUri => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IdnHost.Length > 0 ? uri : null;

    /// <summary>The name KMS would use for SNI and the certificate check.</summary>
    public string ServerName => EndpointUri!.IdnHost;

    /// <summary>Where connections go: <see cref="ConnectTo"/>, else the endpoint's host and port.</summary>
    public DnsEndPoint Address => ConnectTo ?? new DnsEndPoint(EndpointUri!.IdnHost, EndpointUri.Port);
}
