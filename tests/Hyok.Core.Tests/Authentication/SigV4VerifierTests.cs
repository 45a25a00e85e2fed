using Hyok.Protocol;

namespace Hyok.Authentication;

/// <summary>Acceptance and the request-level rejections of <see cref="SigV4Verifier"/> (xks-spec.md §7.1, §7.3, §12).</summary>
public sealed class SigV4VerifierTests
{
    [Fact]
    public void Verify_SignerSignedRequest_ReturnsPrincipal()
    {
        var result = VerifierFixture.Verify(TestRequest.Signed());

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(SigV4TestData.AccessKeyId, result.Value.AccessKeyId);
    }

    [Theory]
    [InlineData(SigV4TestData.AccessKeyId, SigV4TestData.Secret)]
    [InlineData(SigV4TestData.SecondAccessKeyId, SigV4TestData.SecondSecret)]
    public void Verify_EitherOfTwoLiveCredentials_Accepted(string accessKeyId, string secret)
    {
        var result = VerifierFixture.Verify(TestRequest.Signed(accessKeyId, secret));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(accessKeyId, result.Value.AccessKeyId);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(-86_400, false)]
    [InlineData(86_400, false)]
    public void Verify_ClockSkew_OnlyWithinFiveMinutes(int verifierOffsetSeconds, bool accepted)
    {
        var request = TestRequest.Signed();

        var result = VerifierFixture.Verify(request, now: SigV4TestData.SignedAt.AddSeconds(verifierOffsetSeconds));

        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted)
        {
            Assert.Equal("Request timestamp is outside the allowed 5 minute window.", VerifierFixture.AssertAuthenticationFailed(result, request).Message);
        }
    }

    [Fact]
    public void Verify_WrongRegion_Rejected()
    {
        var request = TestRequest.Signed(region: "eu-west-1");

        var error = VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);

        Assert.Equal(SigV4Failures.WrongRegion, error.Message);
    }

    [Fact]
    public void Verify_UnknownAccessKeyId_Rejected()
    {
        var request = TestRequest.Signed(accessKeyId: "UNKNOWNKEY234567ABCDEFGH");

        var error = VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);

        Assert.Equal(SigV4Failures.UnknownAccessKeyId, error.Message);
    }

    [Fact]
    public void Verify_AccessKeyIdOfAnotherKeyStore_Rejected()
    {
        var request = TestRequest.Signed(SigV4TestData.OtherStoreAccessKeyId, SigV4TestData.OtherStoreSecret);

        var error = VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);

        Assert.Equal(SigV4Failures.UnknownAccessKeyId, error.Message);
        Assert.True(VerifierFixture.Verify(request, SigV4TestData.OtherKeyStore).IsSuccess);
    }

    [Theory]
    [InlineData("lowercase-key-id-invalid")]
    [InlineData("AKIA0000000000000000")]
    [InlineData("SHORT2345")]
    public void Verify_AccessKeyIdInWrongFormat_Rejected(string accessKeyId)
    {
        var credentials = SigV4TestData.Credentials().Add(SigV4TestData.KeyStore.Name, accessKeyId, SigV4TestData.Secret);
        var request = TestRequest.Signed(accessKeyId: accessKeyId);

        var error = VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request, credentials: credentials), request);

        Assert.Equal(SigV4Failures.InvalidAccessKeyId, error.Message);
    }

    [Fact]
    public void Verify_WrongSecret_Rejected()
    {
        var request = TestRequest.Signed(secret: SigV4TestData.SecondSecret);

        var error = VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);

        Assert.Equal(SigV4Failures.SignatureMismatch, error.Message);
    }

    [Theory]
    [InlineData("body-byte")]
    [InlineData("body-appended")]
    [InlineData("body-empty")]
    [InlineData("path")]
    [InlineData("path-case")]
    [InlineData("method")]
    [InlineData("host")]
    [InlineData("host-port")]
    [InlineData("amz-date-same-day")]
    [InlineData("signature-bit")]
    public void Verify_TamperedAfterSigning_SignatureMismatch(string tampering)
    {
        var request = TestRequest.Signed();
        Tamper(request, tampering);

        var error = VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);

        Assert.Equal(SigV4Failures.SignatureMismatch, error.Message);
    }

    private static void Tamper(TestRequest request, string tampering)
    {
        switch (tampering)
        {
            case "body-byte": request.Body = [.. request.Body]; request.Body[10] ^= 0x01; break;
            case "body-appended": request.Body = [.. request.Body, (byte)' ']; break;
            case "body-empty": request.Body = []; break;
            case "path": request.Path = request.Path.Replace("/health", "/keys/k1/encrypt", StringComparison.Ordinal); break;
            case "path-case": request.Path = request.Path.ToUpperInvariant(); break;
            case "method": request.Method = "PUT"; break;
            case "host": request.Headers["Host"] = "evil.example.com"; break;
            case "host-port": request.Headers["Host"] = SigV4TestData.Host + ":443"; break;
            case "amz-date-same-day": request.Headers["X-Amz-Date"] = "20240515T120001Z"; break;
            case "signature-bit": request.Authorization = request.Authorization[..^1] + (request.Authorization[^1] == '0' ? '1' : '0'); break;
            default: throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }
}
