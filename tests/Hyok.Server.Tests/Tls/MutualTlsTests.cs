using System.Text;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>xks-spec.md §7.5: with mutual TLS on, a client certificate from the configured CA with an allowed name gets in, and SigV4 still applies.</summary>
[Collection(MutualTlsProxyGroup.Name)]
public sealed class MutualTlsTests(MutualTlsProxy server)
{
    [Theory]
    [InlineData(MutualTlsProxy.AllowedName, null)]
    [InlineData("KMS client", MutualTlsProxy.AllowedName)]
    [InlineData("CKS.KMS.US-EAST-1.AMAZONAWS.COM", null)]
    public async Task XksRequests_AllowedClientCertificate_Succeed(string commonName, string? dnsName)
    {
        using var certificate = server.Authority.Issue(commonName, dnsName);
        using var http = server.HttpClientWith(certificate);
        var client = server.Proxy.Client(server.Proxy.AlphaCredential, http: http);

        using var health = await client.SendAsync("health", XksBodies.Health(), default);
        await XksAssert.OkAsync(health);
        var encrypted = await client.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("over mutual TLS")));
        var decrypted = await client.DecryptAsync("k-both", XksBodies.Decrypt(encrypted));

        Assert.Equal("over mutual TLS", Encoding.ASCII.GetString(decrypted.Field("plaintext")));
    }

    [Fact]
    public async Task XksRequest_AllowedCertificateButWrongSignature_IsStillRefusedBySigV4()
    {
        using var certificate = server.Authority.Issue(MutualTlsProxy.AllowedName);
        using var http = server.HttpClientWith(certificate);
        var wrongSecret = new TestCredential(ProxyFixture.Alpha, server.Proxy.AlphaCredential.AccessKeyId, new string('x', 43));
        var client = server.Proxy.Client(wrongSecret, http: http);

        using var response = await client.SendAsync("health", XksBodies.Health(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }
}
