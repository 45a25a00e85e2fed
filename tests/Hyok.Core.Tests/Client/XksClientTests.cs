using System.Text;
using Hyok.Authentication;
using Hyok.KeyStores;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Client;

/// <summary>The KMS-like client over a real socket, checked with the verifier (xks-spec.md §7.1, §2).</summary>
public sealed class XksClientTests
{
    private static readonly LogicalKeyStore Store = SigV4TestData.KeyStore;

    [Theory]
    [InlineData("health", "/example/uri/path/prefix/kms/xks/v1/health")]
    [InlineData("keys/k1/encrypt", "/example/uri/path/prefix/kms/xks/v1/keys/k1/encrypt")]
    [InlineData("/keys/k1/metadata", "/example/uri/path/prefix/kms/xks/v1/keys/k1/metadata")]
    public async Task SendAsync_Operation_PostsSignedJsonThatVerifies(string operationPath, string expectedPath)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var server = new RawHttpCapture();
        var time = new FakeTimeProvider(SigV4TestData.SignedAt);
        Task<CapturedHttpRequest> capture = server.AcceptOneAsync(timeout.Token);

        using HttpResponseMessage response = await NewClient(server, time).SendAsync(operationPath, SigV4TestData.Body, timeout.Token);
        CapturedHttpRequest captured = await capture;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", captured.Method);
        Assert.Equal(expectedPath, captured.Path);
        Assert.Equal("application/json", captured.Headers["Content-Type"]);
        Assert.Equal($"127.0.0.1:{server.Port}", captured.Headers["Host"]);
        Assert.Equal(SigV4TestData.Body, captured.Body);
        var result = new SigV4Verifier(SigV4TestData.Credentials(), time).Verify(captured.ToSigV4Request(), Store);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task SendAsync_BodyTamperedAfterSigning_VerifierRejects()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var server = new RawHttpCapture();
        var time = new FakeTimeProvider(SigV4TestData.SignedAt);
        Task<CapturedHttpRequest> capture = server.AcceptOneAsync(timeout.Token);

        using HttpResponseMessage response = await NewClient(server, time).SendAsync(
            "health",
            SigV4TestData.Body,
            request =>
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(SigV4TestData.BodyText.Replace("Health", "Wealth", StringComparison.Ordinal)));
                return Task.CompletedTask;
            },
            timeout.Token);
        CapturedHttpRequest captured = await capture;

        var result = new SigV4Verifier(SigV4TestData.Credentials(), time).Verify(captured.ToSigV4Request(), Store);
        VerifierFixture.AssertAuthenticationFailed(result);
    }

    [Theory]
    [InlineData("https://xks.example.com", "xks.example.com")]
    [InlineData("https://xks.example.com:443", "xks.example.com")]
    [InlineData("https://localhost:8443", "localhost:8443")]
    [InlineData("http://127.0.0.1:80", "127.0.0.1")]
    [InlineData("http://[::1]:8080", "[::1]:8080")]
    public void HostHeaderOf_Uri_HostWithPortOnlyWhenNotDefault(string uri, string expected) =>
        Assert.Equal(expected, XksClient.HostHeaderOf(new Uri(uri)));

    private static XksClient NewClient(RawHttpCapture server, TimeProvider time) =>
        new(new HttpClient(), new Uri($"http://127.0.0.1:{server.Port}"), Store.UriPath, SigV4TestData.Region,
            SigV4TestData.AccessKeyId, SigV4TestData.Secret, time);
}
