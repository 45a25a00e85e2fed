using System.Net.Security;
using System.Security.Authentication;
using Hyok.Cli.Conformance;

namespace Hyok.Cli.Doctor;

/// <summary>
/// TLS versions and suites (xks-spec.md §1, §8): KMS needs TLS 1.3 or 1.2 with one of the listed suites (one version
/// is enough; the other missing is a warning). TLS 1.0/1.1 accepted fails, as in <c>hyok test --all</c> (§12 item 23),
/// though KMS itself would still connect. Other TLS 1.2 suites accepted is a warning: KMS never picks them.
/// </summary>
internal static class TlsVersionChecks
{
    private static readonly TlsCipherSuite[] Tls13Suites = [TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];
    private static readonly TlsCipherSuite[] Tls12Suites = [TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384];

    /// <summary>TLS 1.2 suites outside the list: other AEADs, CBC, static RSA, 3DES, RC4, NULL.</summary>
    private static readonly ushort[] OtherTls12Suites =
        [0xC02F, 0xC02B, 0xCCA8, 0xCCA9, 0xC028, 0xC027, 0xC014, 0xC013, 0xC00A, 0xC009, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0x000A, 0x0005, 0x0004, 0x003B];

    public static async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorTarget target, CancellationToken cancellationToken)
    {
        var tls13 = await DoctorTls.HandshakeAsync(target, SslProtocols.Tls13, Tls13Suites, cancellationToken).ConfigureAwait(false);
        var tls12 = await DoctorTls.HandshakeAsync(target, SslProtocols.Tls12, Tls12Suites, cancellationToken).ConfigureAwait(false);
        var anyListed = tls13.Succeeded || tls12.Succeeded;
        return
        [
            Modern("tls13", tls13, Tls13Suites, anyListed),
            Modern("tls12", tls12, Tls12Suites, anyListed),
            await LegacyAsync("tls10-refused", 0x0301, target, cancellationToken).ConfigureAwait(false),
            await LegacyAsync("tls11-refused", 0x0302, target, cancellationToken).ConfigureAwait(false),
            await OtherSuitesAsync(target, cancellationToken).ConfigureAwait(false),
        ];
    }

    private static DoctorFinding Modern(string check, TlsHandshake handshake, TlsCipherSuite[] suites, bool anyListed)
    {
        if (handshake.Succeeded)
        {
            return DoctorFinding.Pass(check, $"{handshake.Protocol} with {handshake.Suite}");
        }

        var detail = $"no handshake with {string.Join(" or ", suites)}: {handshake.Failure}";
        const string fix = "Enable TLS 1.2 and 1.3 with the suites of xks-spec.md §1 (TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256; ECDHE-RSA/ECDSA-AES256-GCM-SHA384).";
        return anyListed ? DoctorFinding.Warn(check, detail, fix) : DoctorFinding.Fail(check, detail, fix, CertificateChecks.TlsError);
    }

    private static async Task<DoctorFinding> LegacyAsync(string check, ushort version, DoctorTarget target, CancellationToken cancellationToken)
    {
        var answer = await OfferAsync(target, version, LegacyTlsHello.LegacySuites, cancellationToken).ConfigureAwait(false);
        return answer.Accepted
            ? DoctorFinding.Fail(check, $"accepted: {answer.Answer}",
                "Allow TLS 1.2 and 1.3 only (xks-spec.md §1). KMS itself negotiates 1.2+, so this does not stop ConnectCustomKeyStore, but the proxy is not conformant.", null)
            : DoctorFinding.Pass(check, $"refused: {answer.Answer}");
    }

    private static async Task<DoctorFinding> OtherSuitesAsync(DoctorTarget target, CancellationToken cancellationToken)
    {
        var answer = await OfferAsync(target, 0x0303, OtherTls12Suites, cancellationToken).ConfigureAwait(false);
        return answer.Accepted
            ? DoctorFinding.Warn("tls12-other-suites", $"accepted {(TlsCipherSuite)answer.Suite!.Value} (0x{answer.Suite:x4}), a suite outside xks-spec.md §1",
                "KMS never offers it; restrict TLS 1.2 to ECDHE-RSA/ECDSA-AES256-GCM-SHA384 if your policy asks for the spec's list only.")
            : DoctorFinding.Pass("tls12-other-suites", $"refused: {answer.Answer}");
    }

    private static async Task<TlsHelloAnswer> OfferAsync(DoctorTarget target, ushort version, IReadOnlyList<ushort> suites, CancellationToken cancellationToken)
    {
        try
        {
            var serverName = Uri.CheckHostName(target.ServerName) == UriHostNameType.Dns ? target.ServerName : null;
            return await LegacyTlsHello.OfferAsync(target.Address.Host, target.Address.Port, serverName, version, suites, target.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return new TlsHelloAnswer(false, $"no connection: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TlsHelloAnswer(false, "no answer within the timeout");
        }
    }
}
