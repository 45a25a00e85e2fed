using System.Globalization;

namespace Hyok.Server.Tests.Support;

/// <summary>Broken headers on otherwise valid signed requests: Authorization, X-Amz-Date, Host, Content-Type.</summary>
public sealed partial class BadRequestGenerator
{
    private static readonly Func<string, string>[] AuthorizationChanges =
    [
        _ => "", _ => " ", _ => "AWS4-HMAC-SHA256", _ => "AWS4-HMAC-SHA256 ", _ => "Bearer abc.def.ghi", _ => "Basic dXNlcjpwYXNz",
        _ => "AWS4-HMAC-SHA256 Credential=, SignedHeaders=, Signature=", _ => "AWS4-HMAC-SHA256 Credential==,SignedHeaders==,Signature==",
        v => v.Replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", StringComparison.Ordinal),
        v => v[..^1] + (v[^1] == '0' ? '1' : '0'),
        v => v[..^64] + v[^64..].ToUpperInvariant(),
        v => v[..^1],
        v => v + "0",
        v => v + ", Signature=" + new string('0', 64),
        v => v.Replace("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date", StringComparison.Ordinal),
        v => v.Replace("SignedHeaders=host;x-amz-date", "SignedHeaders=host;x-amz-date;x-missing", StringComparison.Ordinal),
        v => v.Replace("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date;host", StringComparison.Ordinal),
        v => v.Replace("SignedHeaders=host;x-amz-date", "SignedHeaders=HOST;x-amz-date", StringComparison.Ordinal),
        v => v.Replace("Credential=", "Credential=AAAAAAAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal),
        v => "AWS4-HMAC-SHA256 Credential=ABCDEFGHIJKLMNOPQRSTUVWXYZ" + v[v.IndexOf('/', StringComparison.Ordinal)..],
        v => v.Replace("/us-east-1/", "/us-west-2/", StringComparison.Ordinal).Replace("/eu-west-1/", "/us-west-2/", StringComparison.Ordinal),
        v => v.Replace("/kms-xks-proxy/", "/kms/", StringComparison.Ordinal),
        v => v.Replace("/aws4_request", "/aws4_reques", StringComparison.Ordinal),
        v => v.Replace("Credential=", "credential=", StringComparison.Ordinal),
        v => v + new string('x', 5000),
        v => v[..(v.IndexOf('/', StringComparison.Ordinal) + 1)] + "20000101" + v[(v.IndexOf('/', StringComparison.Ordinal) + 9)..],
    ];

    private static readonly Action<HttpRequestMessage>[] OtherHeaderTampers =
    [
        r => r.Headers.Remove("Authorization"),
        r => r.Headers.Remove("X-Amz-Date"),
        r => Replace(r, "X-Amz-Date", "garbage"),
        r => Replace(r, "X-Amz-Date", ""),
        r => Replace(r, "X-Amz-Date", "20240515T120000Z"),
        r => Replace(r, "X-Amz-Date", DateTimeOffset.UtcNow.AddMinutes(10).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)),
        r => Replace(r, "X-Amz-Date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        r => r.Headers.TryAddWithoutValidation("X-Amz-Date", r.Headers.GetValues("X-Amz-Date").First()),
        r => r.Headers.TryAddWithoutValidation("Authorization", r.Headers.GetValues("Authorization").First()),
        r => r.Headers.Host = "evil.example.com",
        r => r.Headers.Host = "127.0.0.1",
        r => r.Headers.Host = "LOCALHOST:443",
        r => r.Headers.Host = "127.0.0.1:1",
    ];

    private static readonly string?[] WrongContentTypes =
    [
        null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonx",
        "application/json-patch+json", "text/json", "*/*", "application", "???", "json",
    ];

    private IEnumerable<BadRequest> HeaderTampering()
    {
        foreach (var template in templates)
        {
            var body = template.Bytes();
            for (var i = 0; i < AuthorizationChanges.Length; i++)
            {
                yield return new BadRequest("authorization", $"change {i}", template.Path, body, Tamper: ChangeAuthorization(AuthorizationChanges[i]), ExpectedStatus: 401);
            }

            for (var i = 0; i < OtherHeaderTampers.Length; i++)
            {
                yield return new BadRequest("headers", $"tamper {i}", template.Path, body, Tamper: OtherHeaderTampers[i], ExpectedStatus: 401);
            }
        }
    }

    private BadRequest RandomAuthorization()
    {
        var template = PickTemplate();
        var garbage = RandomString(random.Next(0, random.Next(2) == 0 ? 100 : 6000), "AWS4-HMAC-SHA256 Credential=/SignedHeaders=;Signature=,0123456789abcdef \t!\"#$%&'()*+.:<>?@[\\]^_`{|}~");
        var keep = random.Next(3) == 0;
        return new BadRequest("authorization", $"garbage of {garbage.Length} chars{(keep ? " appended" : "")}", template.Path, template.Bytes(),
            Tamper: ChangeAuthorization(v => keep ? v + garbage : garbage), ExpectedStatus: 401);
    }

    /// <summary>Content-Type other than application/json on a valid signed request (xks-spec.md §1, §6.3 step 4).</summary>
    private IEnumerable<BadRequest> ContentTypes()
    {
        foreach (var template in templates)
        {
            foreach (var contentType in WrongContentTypes)
            {
                yield return new BadRequest("content-type", contentType ?? "(none)", template.Path, template.Bytes(), Tamper: r =>
                {
                    r.Content!.Headers.Remove("Content-Type");
                    if (contentType is not null)
                    {
                        r.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    }
                }, ExpectedStatus: 400);
            }
        }
    }

    private static Action<HttpRequestMessage> ChangeAuthorization(Func<string, string> change) => request =>
        Replace(request, "Authorization", change(request.Headers.GetValues("Authorization").Single()));

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }
}
