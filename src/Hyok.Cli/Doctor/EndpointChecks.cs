using Hyok.Cli.Certificates;
using Hyok.Cli.Commands;
using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Cli.Doctor;

/// <summary>
/// The key store's parameters as CreateCustomKeyStore validates them (xks-spec.md §2.1, rules shared with the KMS emulator
/// in <see cref="XksProxyParameters"/>), plus what the API pattern lets through but KMS still cannot use: an IP address
/// instead of a DNS name (§2.1, §8), a port other than 443 (§1), a URI longer than 256 characters (§2.1).
/// </summary>
internal static class EndpointChecks
{
    public const string Validation = "ValidationException (CreateCustomKeyStore)";

    public static IEnumerable<DoctorFinding> All(DoctorTarget target)
    {
        yield return XksProxyParameters.CheckEndpoint(target.Endpoint) is { } error
            ? DoctorFinding.Fail("endpoint-uri", error.Message, "Give XksProxyUriEndpoint as https://NAME: scheme https, a host name, no path, no trailing slash.", Validation)
            : DoctorFinding.Pass("endpoint-uri", target.Endpoint);
        if (target.EndpointUri is not { } uri)
        {
            yield return DoctorFinding.Skip("endpoint-dns-name", "no https endpoint with a host");
            yield return DoctorFinding.Skip("endpoint-port", "no https endpoint with a host");
        }
        else
        {
            yield return DnsName(uri.IdnHost);
            yield return target.Endpoint["https://".Length..].Contains(':', StringComparison.Ordinal)
                ? DoctorFinding.Fail("endpoint-port", $"the endpoint names port {uri.Port}",
                    "KMS connects on port 443 only and XksProxyUriEndpoint takes no port: listen on 443 (or forward 443 to the proxy) and drop the port.", Validation)
                : DoctorFinding.Pass("endpoint-port", "443 (KMS's only port)");
        }

        yield return XksProxyParameters.CheckPath(target.UriPath) is { } pathError
            ? DoctorFinding.Fail("uri-path", pathError.Message,
                "XksProxyUriPath is [/prefix]/kms/xks/v1, at most 128 characters of a-z A-Z 0-9 / - _ (pass the prefix to --prefix, e.g. /keystores/default).", Validation)
            : DoctorFinding.Pass("uri-path", target.UriPath);
        yield return UriLength(target);
    }

    private static DoctorFinding DnsName(string host)
    {
        try
        {
            DnsNames.Validate([host], requireDomain: true);
            return DoctorFinding.Pass("endpoint-dns-name", host);
        }
        catch (CliException e)
        {
            return DoctorFinding.Fail("endpoint-dns-name", e.Message,
                "Use a fully qualified DNS name (not an IP address) that resolves to the proxy's IPv4 address and is named in its certificate.",
                "XKS_PROXY_INVALID_TLS_CONFIGURATION (no public CA certifies an IP address)");
        }
    }

    /// <summary>The longest API URI is <c>ENDPOINT PATH/keys/KEY-ID/metadata</c>; it must stay within 256 characters (xks-spec.md §2.1).</summary>
    private static DoctorFinding UriLength(DoctorTarget target)
    {
        var room = 256 - $"{target.Endpoint}{target.UriPath}/keys//metadata".Length;
        if (target.KeyId is { } keyId && keyId.Length > room)
        {
            return DoctorFinding.Fail("uri-length", $"the metadata URI of key '{keyId}' is {256 - room + keyId.Length} characters; at most 256",
                "Shorten the endpoint name, the path prefix or the external key id.", "XksKeyNotFoundException / KMSInvalidStateException on that key");
        }

        return room < 128
            ? DoctorFinding.Warn("uri-length", $"external key ids longer than {Math.Max(room, 0)} characters would make a URI over 256",
                "Keep external key ids short, or shorten the endpoint name or path prefix (key ids may have up to 128 characters).")
            : DoctorFinding.Pass("uri-length", $"room for external key ids of up to 128 characters ({room} left)");
    }
}
