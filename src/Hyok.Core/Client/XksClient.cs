using System.Globalization;
using System.Net.Http.Headers;
using Hyok.Authentication;

namespace Hyok.Client;

/// <summary>
/// An XKS client that signs requests exactly like KMS (xks-spec.md §7.1, §2): POST
/// <c>{baseUri}{uriPath}/{operation}</c> with an <c>application/json</c> body sent byte for byte.
/// Used by the KMS emulator, the conformance tester and the load harness.
/// </summary>
public sealed class XksClient
{
    private readonly HttpClient http;
    private readonly Uri apiUri;
    private readonly string region;
    private readonly string accessKeyId;
    private readonly string secret;
    private readonly TimeProvider time;

    /// <param name="http">The client to send with; not owned.</param>
    /// <param name="baseUri">The proxy endpoint, e.g. <c>https://localhost:8443</c> (xks-spec.md §2.1 <c>XksProxyUriEndpoint</c>).</param>
    /// <param name="uriPath">The key store's <c>XksProxyUriPath</c>, e.g. <c>/demo/kms/xks/v1</c>.</param>
    /// <param name="region">The Region to sign with.</param>
    /// <param name="accessKeyId">The access key id (xks-spec.md §7.2).</param>
    /// <param name="secret">The secret access key.</param>
    /// <param name="time">The clock for <c>X-Amz-Date</c>.</param>
    public XksClient(HttpClient http, Uri baseUri, string uriPath, string region, string accessKeyId, string secret, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(uriPath);
        ArgumentNullException.ThrowIfNull(time);
        this.http = http;
        apiUri = new Uri(baseUri, uriPath.TrimEnd('/') + "/");
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.time = time;
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="operationPath"/> (e.g. <c>health</c>, <c>keys/k1/encrypt</c>).</summary>
    public Task<HttpResponseMessage> SendAsync(string operationPath, byte[] body, CancellationToken cancellationToken) =>
        SendAsync(operationPath, body, afterSigning: null, cancellationToken);

    /// <summary>As <see cref="SendAsync(string, byte[], CancellationToken)"/>; <paramref name="afterSigning"/> may tamper with the signed request (tests).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        string operationPath, byte[] body, Func<HttpRequestMessage, Task>? afterSigning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operationPath);
        ArgumentNullException.ThrowIfNull(body);
        var uri = new Uri(apiUri, operationPath.TrimStart('/'));
        string host = HostHeaderOf(uri);
        SigV4Signature signature = SigV4Signer.Sign(
            "POST", uri.AbsolutePath, host, body, time.GetUtcNow(), region, accessKeyId, secret);

        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = http.DefaultRequestVersion,
            VersionPolicy = http.DefaultVersionPolicy,
        };
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (afterSigning is not null)
        {
            await afterSigning(request).ConfigureAwait(false);
        }

        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>host[:port]</c> as HttpClient writes it: the port only when it is not the scheme default.</summary>
    internal static string HostHeaderOf(Uri uri)
    {
        string host = uri.HostNameType == UriHostNameType.IPv6 && !uri.IdnHost.StartsWith('[') ? $"[{uri.IdnHost}]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : string.Create(CultureInfo.InvariantCulture, $"{host}:{uri.Port}");
    }
}
