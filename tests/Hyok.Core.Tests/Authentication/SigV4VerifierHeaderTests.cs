namespace Hyok.Authentication;

/// <summary>Header-level rules of <see cref="SigV4Verifier"/>: X-Amz-Date, SignedHeaders, canonical values (xks-spec.md §7.1).</summary>
public sealed class SigV4VerifierHeaderTests
{
    [Fact]
    public void Verify_MissingAuthorization_Rejected()
    {
        var request = TestRequest.Signed();
        request.Headers.Remove("Authorization");

        Assert.Equal(SigV4Failures.MissingAuthorization, VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request)).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20240515T120000")]
    [InlineData("20240515 120000Z")]
    [InlineData("2024-05-15T12:00:00Z")]
    [InlineData("20241315T120000Z")]
    [InlineData("20240515T250000Z")]
    [InlineData("Wed, 15 May 2024 12:00:00 GMT")]
    [InlineData("２0240515T120000Z")]
    public void Verify_MissingOrMalformedAmzDate_Rejected(string? amzDate)
    {
        var request = TestRequest.Signed();
        if (amzDate is null)
        {
            request.Headers.Remove("X-Amz-Date");
        }
        else
        {
            request.Headers["X-Amz-Date"] = amzDate;
        }

        Assert.Equal(SigV4Failures.MalformedDate, VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request).Message);
    }

    [Fact]
    public void Verify_AmzDateOtherDayThanScope_Rejected()
    {
        var request = TestRequest.Signed();
        request.Headers["X-Amz-Date"] = "20240516T000100Z";

        var result = VerifierFixture.Verify(request, now: new DateTimeOffset(2024, 5, 16, 0, 1, 0, TimeSpan.Zero));

        Assert.Equal(SigV4Failures.DateMismatch, VerifierFixture.AssertAuthenticationFailed(result, request).Message);
    }

    [Fact]
    public void Verify_ExtraSignedHeader_AcceptedAndProtected()
    {
        var request = TestRequest.Signed(extraHeaders: [new("Content-Type", "application/json")]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date,", request.Authorization, StringComparison.Ordinal);
        Assert.True(VerifierFixture.Verify(request).IsSuccess);

        request.Headers["Content-Type"] = "text/plain";
        Assert.Equal(SigV4Failures.SignatureMismatch, VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request).Message);
    }

    [Fact]
    public void Verify_SignedHeaderAbsentFromRequest_Rejected()
    {
        var request = TestRequest.Signed(extraHeaders: [new("X-Custom", "value")]);
        request.Headers.Remove("X-Custom");

        Assert.Equal(SigV4Failures.SignedHeaderMissing, VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request).Message);
    }

    [Theory]
    [InlineData("a   b  c", "a b c")]
    [InlineData("  a b c ", "a b c")]
    [InlineData("\ta b c\t", "a   b c")]
    public void Verify_HeaderWhitespace_CanonicalizedBeforeSigning(string signedValue, string receivedValue)
    {
        var request = TestRequest.Signed(extraHeaders: [new("X-Custom", signedValue)]);
        request.Headers["X-Custom"] = receivedValue;

        var result = VerifierFixture.Verify(request);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Verify_HugeSignedHeaderValue_RejectedWithoutThrowing()
    {
        var request = TestRequest.Signed(extraHeaders: [new("X-Custom", new string('x', 100_000))]);

        Assert.Equal(SigV4Failures.SignedHeaderMissing, VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request).Message);
    }

    [Fact]
    public void Verify_NonAsciiSignedHeaderValue_VerifiesAsUtf8()
    {
        var request = TestRequest.Signed(extraHeaders: [new("X-Custom", "grüße \uD800 ✓")]);

        Assert.True(VerifierFixture.Verify(request).IsSuccess);
    }
}
