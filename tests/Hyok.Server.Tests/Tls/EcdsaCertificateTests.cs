using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>The embedded default's self-signed ECDSA certificate negotiates the spec's suites and no others (xks-spec.md §1).</summary>
[Collection(SoftwareProxyGroup.Name)]
public sealed class EcdsaCertificateTests(SoftwareProxyFixture proxy)
{
    [Theory]
    [InlineData("-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384", "New, TLSv1.2, Cipher is ECDHE-ECDSA-AES256-GCM-SHA384")]
    [InlineData("-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384", "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384")]
    public async Task Handshake_SpecSuiteWithEcdsaCertificate_Completes(string version, string suiteOption, string suite, string expected)
    {
        var result = await OpenSsl.SClientAsync(proxy.BaseUri.Port, version, suiteOption, suite);

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ECDHE-ECDSA-AES128-GCM-SHA256")]
    [InlineData("ECDHE-ECDSA-AES256-SHA384")]
    [InlineData("ECDHE-ECDSA-CHACHA20-POLY1305")]
    public async Task Handshake_Tls12SuiteNotInTheSpec_IsRefusedByTheServer(string suite)
    {
        var result = await OpenSsl.SClientAsync(proxy.BaseUri.Port, "-tls1_2", "-cipher", $"{suite}:@SECLEVEL=0");

        Assert.False(result.HandshakeCompleted, result.ToString());
        Assert.Contains("Cipher is (NONE)", result.Output, StringComparison.Ordinal);
    }
}
