using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Cli.Doctor;

/// <summary>
/// One TLS handshake with the target as KMS makes it: to <see cref="DoctorTarget.Address"/>, with SNI the endpoint's
/// name, limited to <paramref name="protocols"/> and (on Linux) to <paramref name="suites"/>. The certificate is
/// recorded, not judged here: <see cref="CertificateChecks"/> judges it.
/// </summary>
internal static class DoctorTls
{
    public static async Task<TlsHandshake> HandshakeAsync(DoctorTarget target, SslProtocols protocols, TlsCipherSuite[]? suites, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(target.Timeout);
        X509Certificate2? leaf = null;
        var sent = new X509Certificate2Collection();
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = target.ServerName,
            EnabledSslProtocols = protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                leaf = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                foreach (var other in chain?.ChainPolicy.ExtraStore ?? [])
                {
                    sent.Add(X509CertificateLoader.LoadCertificate(other.RawData));
                }

                // Recorded to be judged by CertificateChecks, so later probes still run on an untrusted certificate.
                return leaf is not null;
            },
        };
        if (suites is not null && OperatingSystem.IsLinux())
        {
            options.CipherSuitesPolicy = new CipherSuitesPolicy(suites);
        }

        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(target.Address.Host, target.Address.Port, deadline.Token).ConfigureAwait(false);
            using var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(options, deadline.Token).ConfigureAwait(false);
            return new TlsHandshake { Protocol = tls.SslProtocol, Suite = tls.NegotiatedCipherSuite, Leaf = leaf, Sent = sent };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TlsHandshake { Failure = $"no handshake within {target.Timeout.TotalSeconds} s", TimedOut = true };
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException)
        {
            return new TlsHandshake { Failure = $"the handshake failed: {e.Message}" };
        }
    }
}
