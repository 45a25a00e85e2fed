namespace Hyok.Authentication;

/// <summary>A mutable request for verifier tests: sign it, tamper with it, turn it into a <see cref="SigV4Request"/>.</summary>
internal sealed class TestRequest
{
    public string Method { get; set; } = "POST";

    public string Path { get; set; } = SigV4TestData.Path;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; set; } = SigV4TestData.Body;

    public string Authorization
    {
        get => Headers["Authorization"];
        set => Headers["Authorization"] = value;
    }

    /// <summary>The §7.1 vector request, signed with the given credential at the given instant.</summary>
    public static TestRequest Signed(
        string accessKeyId = SigV4TestData.AccessKeyId,
        string secret = SigV4TestData.Secret,
        string region = SigV4TestData.Region,
        DateTimeOffset? at = null,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        var request = new TestRequest();
        request.Headers["Host"] = SigV4TestData.Host;
        request.Headers["Content-Type"] = "application/json";
        foreach ((string name, string value) in extraHeaders ?? [])
        {
            request.Headers[name] = value;
        }

        SigV4Signature signature = SigV4Signer.Sign(
            request.Method, request.Path, SigV4TestData.Host, request.Body, at ?? SigV4TestData.SignedAt,
            region, accessKeyId, secret, extraHeaders);
        request.Headers["X-Amz-Date"] = signature.AmzDate;
        request.Authorization = signature.Authorization;
        return request;
    }

    public SigV4Request ToSigV4Request() =>
        new(Method, Path, name => Headers.TryGetValue(name, out string? value) ? value : null, Body);
}
