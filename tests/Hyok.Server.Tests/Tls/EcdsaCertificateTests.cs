using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>The embedded default's self-signed ECDSA certificate negotiates the spec's TLS 1.2 ECDSA suite (xks-spec.md §1).</summary>
[Collection(SoftwareProxyGroup.Name)]
public sealed class EcdsaCertificateTests(SoftwareProxyFixture proxy)
{
    [Fact]
    public async Task Handshake_Tls12WithEcdsaCertificate_UsesSpecSuite()
    {
        var result = await OpenSsl.SClientAsync(proxy.BaseUri.Port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384");

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Contains("New, TLSv1.2, Cipher is ECDHE-ECDSA-AES256-GCM-SHA384", result.Output, StringComparison.Ordinal);
    }
}
