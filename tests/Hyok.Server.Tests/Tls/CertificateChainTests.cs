using System.Text.RegularExpressions;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>
/// xks-spec.md §8: KMS validates the proxy's certificate against public CAs, so the server must send its
/// intermediates. Checked with openssl as an independent client that trusts only the root.
/// </summary>
[Collection(ChainedProxyGroup.Name)]
public sealed partial class CertificateChainTests(ChainedCertificateProxy server)
{
    [Fact]
    public async Task Handshake_FullChainFile_SendsLeafAndIntermediate()
    {
        var result = await OpenSsl.SClientAsync(server.Port, "-showcerts");

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Equal(2, Regex.Count(result.Output, "-----BEGIN CERTIFICATE-----"));
        Assert.Matches(ChainLine(0, "localhost", "Hyok Test Intermediate CA"), result.Output);
        Assert.Matches(ChainLine(1, "Hyok Test Intermediate CA", "Hyok Test Root CA"), result.Output);
    }

    [Fact]
    public async Task Handshake_ClientTrustingOnlyTheRoot_VerifiesOk()
    {
        var result = await OpenSsl.SClientAsync(server.Port, "-CAfile", server.RootFile, "-verify_return_error", "-verify_hostname", "localhost");

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Contains("Verify return code: 0 (ok)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_ClientWithoutTheRoot_FailsVerification()
    {
        var result = await OpenSsl.SClientAsync(server.Port, "-CAfile", server.Proxy.Options.Server.CertificateFile!, "-verify_return_error");

        Assert.False(result.HandshakeCompleted, result.ToString());
    }

    /// <summary>openssl 3 prints <c> 0 s:CN = localhost</c> then <c>   i:CN = ...</c> for each certificate sent.</summary>
    private static Regex ChainLine(int depth, string subject, string issuer) =>
        new($@"(?m)^ {depth} s:\s*CN\s*=\s*{Regex.Escape(subject)}\b.*\n(.*\n)?\s+i:\s*CN\s*=\s*{Regex.Escape(issuer)}\b");
}
