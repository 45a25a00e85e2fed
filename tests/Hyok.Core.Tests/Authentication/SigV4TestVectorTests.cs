using System.Security.Cryptography;
using System.Text;

namespace Hyok.Authentication;

/// <summary>The xks-spec.md §7.1 test vector, step by step.</summary>
public sealed class SigV4TestVectorTests
{
    private static readonly SigV4Header[] VectorHeaders =
        [new("host", SigV4TestData.Host), new("x-amz-date", SigV4TestData.AmzDate)];

    [Fact]
    public void PayloadHash_SpecBody_MatchesVector() =>
        Assert.Equal(SigV4TestData.PayloadHash, new string(SigV4CanonicalRequest.PayloadHash(SigV4TestData.Body, new char[64])));

    [Fact]
    public void CanonicalRequest_SpecRequest_MatchesVector() =>
        Assert.Equal(SigV4TestData.CanonicalRequest, SigV4CanonicalRequest.Build("POST", SigV4TestData.Path, VectorHeaders, SigV4TestData.Body));

    [Fact]
    public void CanonicalRequestHash_SpecRequest_MatchesVector()
    {
        string canonical = SigV4CanonicalRequest.Build("POST", SigV4TestData.Path, VectorHeaders, SigV4TestData.Body);
        Assert.Equal(SigV4TestData.HashedCanonicalRequest, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public void Sign_SpecRequest_SignatureMatchesVector()
    {
        var signature = new byte[32];
        SigV4Computation.Sign(
            "POST", SigV4TestData.Path, VectorHeaders, SigV4TestData.Body, SigV4TestData.AmzDate, SigV4TestData.Region, SigV4TestData.Secret, signature);
        Assert.Equal(SigV4TestData.Signature, Convert.ToHexStringLower(signature));
    }

    [Fact]
    public void Sign_SpecRequest_HeadersMatchVectorExactly()
    {
        SigV4Signature signature = SigV4Signer.Sign(
            "POST", SigV4TestData.Path, SigV4TestData.Host, SigV4TestData.Body, SigV4TestData.SignedAt,
            SigV4TestData.Region, SigV4TestData.AccessKeyId, SigV4TestData.Secret);

        Assert.Equal(SigV4TestData.Authorization, signature.Authorization);
        Assert.Equal(SigV4TestData.AmzDate, signature.AmzDate);
    }

    [Fact]
    public void Sign_NonUtcTimestamp_FormatsInUtc()
    {
        var local = new DateTimeOffset(2024, 5, 15, 14, 0, 0, TimeSpan.FromHours(2));
        SigV4Signature signature = SigV4Signer.Sign(
            "POST", SigV4TestData.Path, SigV4TestData.Host, SigV4TestData.Body, local,
            SigV4TestData.Region, SigV4TestData.AccessKeyId, SigV4TestData.Secret);

        Assert.Equal(SigV4TestData.Authorization, signature.Authorization);
    }

    [Fact]
    public void Verify_SpecVectorHeaders_Accepted()
    {
        var request = new TestRequest();
        request.Headers["Host"] = SigV4TestData.Host;
        request.Headers["X-Amz-Date"] = SigV4TestData.AmzDate;
        request.Authorization = SigV4TestData.Authorization;

        var result = VerifierFixture.Verify(request);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(SigV4TestData.AccessKeyId, result.Value.AccessKeyId);
    }

    [Fact]
    public void SignatureToString_Always_OmitsAuthorization()
    {
        var signature = new SigV4Signature(SigV4TestData.Authorization, SigV4TestData.AmzDate);
        Assert.DoesNotContain(SigV4TestData.Signature, signature.ToString(), StringComparison.Ordinal);
    }
}
