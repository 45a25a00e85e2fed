using System.Text;
using System.Text.Json.Nodes;
using Hyok.Authentication;
using Hyok.Cli.Targets;
using Hyok.Client;

namespace Hyok.Cli.Conformance;

/// <summary>
/// The suite's line to the proxy under test: signed calls exactly like KMS (<see cref="XksClient"/>), calls with other
/// credentials or another path prefix, and every error answer it saw (for the error body check, xks-spec.md §12 item 21).
/// </summary>
internal sealed partial class ConformanceProbe(HttpClient http, XksTarget target, ConformanceSettings settings, TimeProvider time, CancellationToken cancellationToken)
{
    /// <summary>A path prefix no proxy is expected to serve (xks-spec.md §12 items 4, 9, 10).</summary>
    public const string UnknownPrefixPath = "/hyok-conformance-unknown-prefix/kms/xks/v1";

    private readonly List<XksAnswer> _errors = [];

    public XksTarget Target => target;

    public ConformanceSettings Settings => settings;

    public TimeProvider Time => time;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The error answers seen so far, except 405 (which has no body in the spec).</summary>
    public IReadOnlyList<XksAnswer> Errors => _errors;

    public Uri Endpoint => new(target.ApiUri.GetLeftPart(UriPartial.Authority));

    /// <summary>A client of the target's key store signing with the target's credential.</summary>
    public XksClient Client() => Client(target.ApiUri.AbsolutePath, target.AccessKeyId, target.Secret, http);

    public XksClient Client(string uriPath, string accessKeyId, string secret, HttpClient? over = null) =>
        new(over ?? http, Endpoint, uriPath, target.Region, accessKeyId, secret, time);

    public Task<XksAnswer> SendAsync(string operationPath, JsonObject body) => SendAsync(Client(), operationPath, Bytes(body));

    public async Task<XksAnswer> SendAsync(XksClient client, string operationPath, byte[] body, Func<HttpRequestMessage, Task>? afterSigning = null)
    {
        using var response = await client.SendAsync(operationPath, body, afterSigning, cancellationToken).ConfigureAwait(false);
        var answer = new XksAnswer((int)response.StatusCode, response.Version, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (!answer.IsSuccess && answer.Status != 405)
        {
            lock (_errors)
            {
                _errors.Add(answer);
            }
        }

        return answer;
    }

    /// <summary>Replaces the signature of a request with one over <paramref name="method"/>, <paramref name="body"/>, a shifted clock or another service.</summary>
    public Func<HttpRequestMessage, Task> Resign(string method, byte[] body, TimeSpan clockShift, string service = SigV4Scope.XksService) => request =>
    {
        var host = request.Headers.Host!;
        var signature = SigV4Signer.Sign(method, request.RequestUri!.AbsolutePath, host, body, time.GetUtcNow() + clockShift,
            target.Region, target.AccessKeyId, target.Secret, extraSignedHeaders: null, service);
        request.Method = new HttpMethod(method);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return Task.CompletedTask;
    };

    public static byte[] Bytes(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());
}
