using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>xks-spec.md §1: TLS 1.2 or later with the spec's cipher suites; TLS 1.0 and 1.1 refused by the server.</summary>
[Collection(ChainedProxyGroup.Name)]
public sealed class ProtocolVersionTests(ChainedCertificateProxy server)
{
    [Theory]
    [InlineData("-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384", "New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384")]
    [InlineData("-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384", "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384")]
    [InlineData("-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256", "New, TLSv1.3, Cipher is TLS_CHACHA20_POLY1305_SHA256")]
    public async Task Handshake_SupportedVersionAndSpecSuite_Completes(string version, string suiteOption, string suite, string expected)
    {
        var result = await OpenSsl.SClientAsync(server.Port, version, suiteOption, suite);

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    /// <summary>SECLEVEL=0 lets this openssl offer the old versions at all, so it is the server that refuses them.</summary>
    [Theory]
    [InlineData("-tls1_1")]
    [InlineData("-tls1")]
    public async Task Handshake_OldVersion_IsRefusedByTheServer(string version)
    {
        var result = await OpenSsl.SClientAsync(server.Port, version, "-cipher", "DEFAULT@SECLEVEL=0");

        Assert.False(result.HandshakeCompleted, result.ToString());
        Assert.Contains("Cipher is (NONE)", result.Output, StringComparison.Ordinal);
        Assert.Contains("alert protocol version", result.Output, StringComparison.Ordinal);
    }
}
