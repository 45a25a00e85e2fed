namespace Hyok.Server.Tests.Support;

/// <summary>Garbage paths under the prefixes, methods other than POST, and bodies over the size cap.</summary>
public sealed partial class BadRequestGenerator
{
    private const string PathAlphabet = "abcz09AZ-._~!$&'()*+,;=:@/ %?#\u00e9";

    private static readonly string[] Prefixes =
        ["/", "/alpha", "/alpha/", "/alpha/kms/xks/v1/", "/alpha/kms/xks/v1/keys/", "/tenants/beta/kms/xks/v1/", "/tenants/", "/alpha/kms/xks/v2/", "//alpha/kms/xks/v1/"];

    private static readonly string[] Paths =
    [
        "/", "/alpha", "/alpha/", "/alpha/kms", "/alpha/kms/xks", "/alpha/kms/xks/v1", "/alpha/kms/xks/v1/", "/alpha/kms/xks/v2/health",
        "/alpha/kms/xks/v1/health/", "/alpha/kms/xks/v1/Health", "/alpha/kms/xks/v1/health/x", "/ALPHA/kms/xks/v1/health", "//alpha/kms/xks/v1/health",
        "/alpha//kms/xks/v1/health", "/alpha/kms/xks/v1/keys", "/alpha/kms/xks/v1/keys/", "/alpha/kms/xks/v1/keys//encrypt", "/alpha/kms/xks/v1/keys/k-both",
        "/alpha/kms/xks/v1/keys/k-both/", "/alpha/kms/xks/v1/keys/k-both/ENCRYPT", "/alpha/kms/xks/v1/keys/k-both/encrypt/", "/alpha/kms/xks/v1/keys/k-both/sign",
        "/alpha/kms/xks/v1/keys/k both/encrypt", "/alpha/kms/xks/v1/keys/k%2Fboth/encrypt",
        "/alpha/kms/xks/v1/keys/%2e%2e/encrypt", "/alpha/kms/xks/v1/keys/k-both%2Fencrypt", "/alpha/kms/xks/v1/keys/" + new string('a', 129) + "/encrypt",
        "/alpha/kms/xks/v1/keys/k\u00e9/encrypt", "/alpha/kms/xks/v1/keys/k-both/encrypt;x", "/alpha/kms/xks/v1/health?x=1", "/alpha/kms/xks/v1/health?",
        "/tenants/kms/xks/v1/health", "/beta/kms/xks/v1/health", "/kms/xks/v1/health", "/alpha/kms/xks/v1/keys/k-both/encrypt%20", "/%ZZ", "/alpha/%C3%A9",
        "/alpha/kms/xks/v1/keys/%FF/encrypt", "/ping/x", "/alpha/kms/xks/v1/" + new string('x', 4000), "/alpha/kms/xks/v1/keys/../health",
    ];

    private static readonly string[] OtherMethods = ["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO", "TRACE"];

    // Not here: a NUL byte (%00) in the path. Kestrel refuses it at the protocol level (HTTP/1.1 400 without a
    // body, HTTP/2 stream reset) before any application code runs, so no JSON answer is possible.
    private IEnumerable<BadRequest> PathsAndMethods()
    {
        var health = templates[0];
        yield return new BadRequest("path", "POST on the ping route", "/ping", health.Bytes(), BadRequestSigning.NoSignature, ExpectedStatus: 404);
        foreach (var path in Paths)
        {
            yield return new BadRequest("path", "garbage path", path, health.Bytes(), BadRequestSigning.NoSignature);
            yield return new BadRequest("path", "garbage path, GET", path, [], BadRequestSigning.NoSignature, Method: "GET");
        }

        foreach (var template in templates)
        {
            foreach (var method in OtherMethods)
            {
                yield return new BadRequest("method", method, template.Path, template.Bytes(), BadRequestSigning.NoSignature, Method: method, ExpectedStatus: 405);
                yield return new BadRequest("method", method + ", signed", template.Path, template.Bytes(), Tamper: r => r.Method = new HttpMethod(method), ExpectedStatus: 405);
            }
        }
    }

    private BadRequest RandomPath()
    {
        var path = Pick(Prefixes) + RandomString(random.Next(0, 300), PathAlphabet);
        var method = random.Next(4) == 0 ? Pick(OtherMethods) : "POST";
        return new BadRequest("path", $"random path, {method}", path, templates[0].Bytes(), BadRequestSigning.NoSignature, Method: method);
    }

    /// <summary>Body mutations that also fail SigV4: the answer is 401 whatever the body.</summary>
    private BadRequest RandomMix()
    {
        var broken = random.Next(3) switch { 0 => RandomTruncation(), 1 => RandomWrongType(), _ => RandomBadBase64() };
        return broken with { Kind = "mix", Detail = broken.Detail + " + bad signature", Tamper = ChangeAuthorization(Pick(AuthorizationChanges)), MaySucceed = false, ExpectedStatus = 401 };
    }

    /// <summary>Bodies over the 64 KiB cap, declared or chunked: 501 before SigV4 (xks-spec.md §5.1).</summary>
    private IEnumerable<BadRequest> Oversized()
    {
        foreach (var template in templates.Take(4))
        {
            var size = random.Next(65_537, 70_000);
            var padded = template.Bytes()[..^1].Concat(System.Text.Encoding.UTF8.GetBytes(",\"pad\":\"" + new string('p', size) + "\"}")).ToArray();
            yield return new BadRequest("oversized", $"{padded.Length} bytes", template.Path, padded, ExpectedStatus: 501);
            yield return new BadRequest("oversized", $"{padded.Length} bytes, unsigned", template.Path, padded, BadRequestSigning.NoSignature, ExpectedStatus: 501);
            yield return new BadRequest("oversized", $"{padded.Length} bytes, chunked", template.Path, padded, Tamper: r =>
            {
                var content = new StreamContent(new MemoryStream(padded));
                content.Headers.ContentType = r.Content!.Headers.ContentType;
                r.Content = content;
                r.Headers.TransferEncodingChunked = true;
            }, ExpectedStatus: 501);
        }
    }
}
