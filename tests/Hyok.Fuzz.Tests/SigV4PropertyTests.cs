using FsCheck.Fluent;
using Hyok.Authentication;

namespace Hyok.Fuzz;

/// <summary>
/// Properties of SigV4 (xks-spec.md §7.1): what <see cref="SigV4Signer"/> signs, <see cref="SigV4Verifier"/> accepts and the
/// plain <see cref="SigV4Reference"/> signs identically; canonical header values are trimmed with space runs collapsed.
/// </summary>
public sealed class SigV4PropertyTests
{
    private const string Host = "xks.example.com";

    [Fact]
    public void Verify_SignedRequestWithAnyPathBodyAndHeaderValue_SucceedsAndMatchesReference()
    {
        var requests = from path in PropertyCheck.Text("abcXYZ019-._~/%", 40)
                       from body in PropertyCheck.Bytes(300)
                       from value in PropertyCheck.Text(" \tab,é", 20)
                       from seconds in Gen.Choose(0, 86_399)
                       select (Path: "/" + path, Body: body, Value: value, At: SpecCredentials.SignedAt.Date.AddSeconds(seconds));
        PropertyCheck.ForAll(requests, r =>
        {
            var at = new DateTimeOffset(r.At, TimeSpan.Zero);
            var signature = SigV4Signer.Sign(
                "POST", r.Path, Host, r.Body, at, SpecCredentials.Region, SpecCredentials.AccessKeyId, SpecCredentials.Secret, [new("X-Extra", r.Value)]);
            var raw = new RawHttpRequest("POST", r.Path, [new("Host", Host), new("X-Amz-Date", signature.AmzDate), new("X-Extra", r.Value), new("Authorization", signature.Authorization)], r.Body);
            var verifier = new SigV4Verifier(new SpecCredentials(), new FixedClock(at));

            var result = verifier.Verify(
                new SigV4Request("POST", r.Path, raw.Header, r.Body), new SigV4Scope(SpecCredentials.KeyStore, SpecCredentials.Region, SigV4Scope.XksService));

            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.EndsWith("Signature=" + SigV4Reference.Signature(raw, "host;x-amz-date;x-extra", signature.AmzDate), signature.Authorization, StringComparison.Ordinal);
        }, seed: 21, count: 300);
    }

    [Fact]
    public void CanonicalRequestBuild_AnyHeaderValue_TrimsAndCollapsesSpacesOnly() => PropertyCheck.ForAll(PropertyCheck.Text("  \t\tab", 24), value =>
    {
        string canonical = SigV4CanonicalRequest.Build("POST", "/", [new SigV4Header("x-v", value)], []).Split('\n')[3];

        Assert.Equal("x-v:" + SigV4Reference.CanonicalValue(value), canonical);
    }, seed: 22, count: 2000);

    [Fact]
    public void TryParse_SignerAuthorization_RoundTrips()
    {
        var scopes = from akid in PropertyCheck.Text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 30).Where(s => s.Length >= 20)
                     from region in PropertyCheck.Text("abcdefghijklmnopqrstuvwxyz0123456789-", 32).Where(s => s.Length > 0)
                     from days in Gen.Choose(0, 3_000_000)
                     select (akid, region, At: new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(days));
        PropertyCheck.ForAll(scopes, s =>
        {
            string header = SigV4Signer.Sign("POST", "/", Host, [], s.At, s.region, s.akid, "secret").Authorization;

            Assert.Null(SigV4Authorization.TryParse(header, out var parsed));
            Assert.Equal(s.akid, parsed.AccessKeyId.ToString());
            Assert.Equal(s.region, parsed.Region.ToString());
            Assert.Equal(s.At.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), parsed.Date.ToString());
            Assert.Equal("host;x-amz-date", parsed.SignedHeaders.ToString());
        }, seed: 23);
    }
}
