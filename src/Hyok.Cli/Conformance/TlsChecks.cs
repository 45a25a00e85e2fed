using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Conformance;

/// <summary>
/// TLS versions and suites (xks-spec.md §1, §8, §12 item 23): 1.0 and 1.1 refused; 1.2 with one of the two listed
/// suites and 1.3 with one of its two listed suites accepted, with a certificate trusted as <c>--cacert</c> (or the system) says.
/// </summary>
internal static class TlsChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return Legacy("23a", "TLS 1.0 refused", 0x0301);
        yield return Legacy("23b", "TLS 1.1 refused", 0x0302);
        yield return new("23c", "TLS 1.2 with ECDHE-RSA/ECDSA-AES256-GCM-SHA384 accepted", probe => ModernAsync(probe, SslProtocols.Tls12,
            [TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]));
        yield return new("23d", "TLS 1.3 with AES-256-GCM-SHA384/CHACHA20-POLY1305 accepted", probe => ModernAsync(probe, SslProtocols.Tls13,
            [TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256]));
    }

    private static ConformanceCheck Legacy(string id, string name, ushort version) => new(id, name, async probe =>
    {
        var answer = await LegacyTlsHello.OfferAsync(probe.Endpoint, version, probe.CancellationToken).ConfigureAwait(false);
        return CheckVerdict.Of(!answer.Accepted, "the handshake refused", answer.Answer);
    });

    private static async Task<CheckVerdict> ModernAsync(ConformanceProbe probe, SslProtocols protocol, TlsCipherSuite[] suites)
    {
        var expected = $"a {protocol} handshake with one of {string.Join(", ", suites)}";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(probe.Endpoint.IdnHost, probe.Endpoint.Port, probe.CancellationToken).ConfigureAwait(false);
        using var tls = new SslStream(tcp.GetStream());
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = probe.Endpoint.IdnHost,
            EnabledSslProtocols = protocol,
            RemoteCertificateValidationCallback = probe.Target.CaCertificateFile is { } pem ? PinnedTrust.Load(pem).Validate : null,
        };
        if (OperatingSystem.IsLinux())
        {
            options.CipherSuitesPolicy = new CipherSuitesPolicy(suites);
        }

        try
        {
            await tls.AuthenticateAsClientAsync(options, probe.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return CheckVerdict.Fail(expected, $"the handshake failed: {e.Message}");
        }

        return CheckVerdict.Of(tls.SslProtocol == protocol && suites.Contains(tls.NegotiatedCipherSuite), expected, $"{tls.SslProtocol}, {tls.NegotiatedCipherSuite}");
    }
}
