using System.Security.Cryptography.X509Certificates;
using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Tls;

/// <summary>
/// xks-spec.md §7.5 and §12 item 24: with mutual TLS on, the server's TLS handshake fails for an expired, not-yet-valid,
/// self-signed, other-CA, wrong-name or non-client certificate, or none; nothing is served over such a connection, and
/// each refusal is logged with its reason. openssl is the independent client.
/// </summary>
[Collection(MutualTlsProxyGroup.Name)]
public sealed class MutualTlsRefusalTests(MutualTlsProxy server)
{
    private const string Ping = "GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "expired", "expired on" },
        { "not-yet-valid", "not valid before" },
        { "self-signed", "not issued for client authentication under a root" },
        { "other-ca", "not issued for client authentication under a root" },
        { "wrong-name", "neither its CN nor a DNS name is in Hyok:Server:Tls:AllowedClientNames" },
        { "server-usage", "NotValidForUsage" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Handshake_RefusedClientCertificate_ServesNothingAndLogsTheReason(string kind, string reason)
    {
        using var certificate = Certificate(kind);

        foreach (var version in (string[])["-tls1_2", "-tls1_3"])
        {
            var result = await OpenSsl.SClientExchangeAsync(server.Port, Ping, [version, .. server.OpenSslClientArguments(certificate)]);

            AssertNothingServed(result);
        }

        Assert.True(await RefusalLoggedAsync(certificate.Thumbprint, reason), string.Join('\n', server.Proxy.Logs.Lines));
    }

    [Theory]
    [InlineData("-tls1_2")]
    [InlineData("-tls1_3")]
    public async Task Handshake_NoClientCertificate_ServesNothing(string version)
    {
        var result = await OpenSsl.SClientExchangeAsync(server.Port, Ping, version);

        AssertNothingServed(result);
        Assert.True(await RefusalLoggedAsync("no client certificate", "(subject (null), issuer (null)"), string.Join('\n', server.Proxy.Logs.Lines));
    }

    [Theory]
    [InlineData("-tls1_2")]
    [InlineData("-tls1_3")]
    public async Task Handshake_AllowedClientCertificate_IsServed(string version)
    {
        using var certificate = server.Authority.Issue(MutualTlsProxy.AllowedName);

        var result = await OpenSsl.SClientExchangeAsync(server.Port, Ping, [version, .. server.OpenSslClientArguments(certificate)]);

        Assert.Contains("HTTP/1.1 200", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("other-ca")]
    [InlineData(null)]
    public async Task XksRequest_RefusedOrMissingClientCertificate_GetsNoAnswer(string? kind)
    {
        using var certificate = kind is null ? null : Certificate(kind);
        using var http = server.HttpClientWith(certificate);
        var client = server.Proxy.Client(server.Proxy.AlphaCredential, http: http);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.SendAsync("health", XksBodies.Health(), default));
    }

    /// <summary>
    /// The server ends the connection before reading the request. .NET 10 on Linux checks the client certificate right
    /// after its side of the handshake and closes without an alert; a client therefore sees its handshake complete (as
    /// always with TLS 1.3), then end of file or an alert instead of an answer.
    /// </summary>
    private static void AssertNothingServed(OpenSslResult result)
    {
        Assert.DoesNotContain("HTTP/1.1", result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.Contains("unexpected eof", StringComparison.Ordinal) || result.Output.Contains(" alert ", StringComparison.Ordinal), result.ToString());
    }

    private X509Certificate2 Certificate(string kind) => kind switch
    {
        "expired" => server.Authority.Issue(MutualTlsProxy.AllowedName, fromDays: -30, toDays: -1),
        "not-yet-valid" => server.Authority.Issue(MutualTlsProxy.AllowedName, fromDays: 2, toDays: 30),
        "self-signed" => TestClientAuthority.SelfSigned(MutualTlsProxy.AllowedName),
        "other-ca" => server.OtherAuthority.Issue(MutualTlsProxy.AllowedName),
        "wrong-name" => server.Authority.Issue("cks.kms.eu-west-1.amazonaws.com", "cks.kms.eu-west-1.amazonaws.com"),
        "server-usage" => server.Authority.Issue(MutualTlsProxy.AllowedName, usage: TestClientAuthority.ServerAuthentication),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The refusal is logged during the handshake; the bounded wait only absorbs the server's side finishing.</summary>
    private Task<bool> RefusalLoggedAsync(string thumbprint, string reason) => Eventually.WithinAsync(TimeSpan.FromSeconds(5), () =>
        server.Proxy.Logs.Entries.Any(e => e.EventId == 1103 && e.Line.Contains(thumbprint, StringComparison.Ordinal) && e.Line.Contains(reason, StringComparison.Ordinal)));
}
