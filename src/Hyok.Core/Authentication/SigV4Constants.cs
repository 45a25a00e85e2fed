namespace Hyok.Authentication;

/// <summary>The fixed elements of the SigV4 scheme KMS uses towards an XKS proxy (xks-spec.md §7.1).</summary>
internal static class SigV4Constants
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public const string Service = "kms-xks-proxy";

    public const string Terminator = "aws4_request";

    public const string AuthorizationHeader = "authorization";

    public const string HostHeader = "host";

    public const string DateHeader = "x-amz-date";

    /// <summary>The <c>X-Amz-Date</c> format, <c>YYYYMMDD'T'HHMMSS'Z'</c> in UTC.</summary>
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Longest <c>Authorization</c> header we look at; KMS sends about 200 characters.</summary>
    public const int MaxAuthorizationLength = 4096;

    /// <summary>Longest value of one signed header we canonicalize.</summary>
    public const int MaxHeaderValueLength = 8192;

    /// <summary>Most header names <c>SignedHeaders</c> may list.</summary>
    public const int MaxSignedHeaders = 32;

    /// <summary>Timestamps further than this in the past or future fail (xks-spec.md §7.1, replay protection).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A cached string for the usual header names, so the hot path does not allocate them.</summary>
    public static string HeaderName(ReadOnlySpan<char> name) => name switch
    {
        HostHeader => HostHeader,
        DateHeader => DateHeader,
        "content-type" => "content-type",
        "content-length" => "content-length",
        _ => new string(name),
    };
}
