using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>
/// xks-spec.md §1, §8: TLS 1.2 only with the spec's ECDHE AES-256-GCM suites, TLS 1.3 only with its two suites. The
/// client offers just the suite under test with SECLEVEL=0, so it is the server that refuses the others.
/// </summary>
[Collection(ChainedProxyGroup.Name)]
public sealed class CipherSuiteTests(ChainedCertificateProxy server)
{
    [Theory]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256")]
    [InlineData("ECDHE-RSA-AES256-SHA384")]
    [InlineData("ECDHE-RSA-AES128-SHA256")]
    [InlineData("ECDHE-RSA-AES256-SHA")]
    [InlineData("ECDHE-RSA-CHACHA20-POLY1305")]
    [InlineData("AES256-GCM-SHA384")]
    [InlineData("AES256-SHA")]
    [InlineData("DHE-RSA-AES256-GCM-SHA384")]
    public async Task Handshake_Tls12SuiteNotInTheSpec_IsRefusedByTheServer(string suite)
    {
        var result = await OpenSsl.SClientAsync(server.Port, "-tls1_2", "-cipher", $"{suite}:@SECLEVEL=0");

        Assert.False(result.HandshakeCompleted, result.ToString());
        Assert.Contains("Cipher is (NONE)", result.Output, StringComparison.Ordinal);
        Assert.Contains("alert handshake failure", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TLS_AES_128_GCM_SHA256")]
    [InlineData("TLS_AES_128_CCM_SHA256")]
    public async Task Handshake_Tls13SuiteNotInTheSpec_IsRefusedByTheServer(string suite)
    {
        var result = await OpenSsl.SClientAsync(server.Port, "-tls1_3", "-ciphersuites", suite);

        Assert.False(result.HandshakeCompleted, result.ToString());
        Assert.Contains("Cipher is (NONE)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_ClientOfferingEverything_GetsTls13WithASpecSuite()
    {
        var result = await OpenSsl.SClientAsync(server.Port);

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Contains("New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384", result.Output, StringComparison.Ordinal);
    }
}
