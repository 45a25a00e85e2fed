using System.Reflection;
using Hyok.Authentication;
using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>
/// <c>sigv4</c>: a raw request (<see cref="RawHttpRequest"/>) through Authorization header parsing, header
/// canonicalisation and the whole <see cref="SigV4Verifier"/> (xks-spec.md §7.1) against the §7.1 test vector's
/// credential at its signing instant. Every failure must be AuthenticationFailedException with one of the fixed
/// <see cref="SigV4Failures"/> texts; a request that verifies must carry the signature <see cref="SigV4Reference"/> computes.
/// </summary>
internal static partial class SigV4Target
{
    private static readonly SigV4Verifier Verifier = new(new SpecCredentials(), new FixedClock(SpecCredentials.SignedAt));
    private static readonly SigV4Scope Scope = new(SpecCredentials.KeyStore, SpecCredentials.Region, SigV4Scope.XksService);
    private static readonly HashSet<string> FixedMessages = [.. typeof(SigV4Failures)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

    public static void Run(byte[] input)
    {
        var raw = RawHttpRequest.Parse(input);
        if (raw.Header(SigV4Constants.AuthorizationHeader) is { } authorization)
        {
            CheckParse(authorization);
        }

        foreach (var (name, value) in raw.Headers)
        {
            CheckCanonicalValue(name.ToLowerInvariant(), value);
        }

        var request = new SigV4Request(raw.Method, raw.Path, raw.Header, raw.Body);
        var result = Verifier.Verify(request, Scope);
        if (!result.IsSuccess)
        {
            SafeMessage.Check(result.Error, XksErrorCode.AuthenticationFailedException);
            FuzzInvariantException.Require(FixedMessages.Contains(result.Error.Message), "authentication failure message is not a fixed text");
            return;
        }

        FuzzInvariantException.Require(result.Value.AccessKeyId == SpecCredentials.AccessKeyId, "verified as another principal");
        string amzDate = raw.Header(SigV4Constants.DateHeader)!;
        _ = SigV4Authorization.TryParse(raw.Header(SigV4Constants.AuthorizationHeader)!, out var parsed);
        FuzzInvariantException.Require(
            SigV4Reference.Signature(raw, parsed.SignedHeaders.ToString(), amzDate) == parsed.Signature.ToString(),
            "a request verified whose signature the reference implementation does not compute");
    }

    /// <summary>A parsed header is made of slices that meet every rule of §7.1; a refused one names a fixed failure.</summary>
    private static void CheckParse(string header)
    {
        if (SigV4Authorization.TryParse(header, out var parsed) is { } failure)
        {
            FuzzInvariantException.Require(FixedMessages.Contains(failure), "parse failure is not a fixed text");
            return;
        }

        FuzzInvariantException.Require(header.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal), "accepted another algorithm");
        FuzzInvariantException.Require(parsed.Signature.Length == 64 && parsed.Date.Length == 8, "accepted a malformed signature or date");
        FuzzInvariantException.Require(!parsed.AccessKeyId.IsEmpty && !parsed.Region.IsEmpty, "accepted an empty access key id or region");
        FuzzInvariantException.Require(SigV4SignedHeaderNames.Validate(parsed.SignedHeaders) is null, "accepted SignedHeaders it would refuse");
    }
}
