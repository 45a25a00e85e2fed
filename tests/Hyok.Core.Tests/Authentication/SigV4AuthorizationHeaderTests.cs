namespace Hyok.Authentication;

/// <summary>
/// The <c>Authorization</c> header grammar (xks-spec.md §7.1). Templates use {C}, {H} and {S} for the valid
/// Credential, SignedHeaders and Signature parts of the §7.1 vector.
/// </summary>
public sealed class SigV4AuthorizationHeaderTests
{
    private const string Credential = "Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/kms-xks-proxy/aws4_request";
    private const string SignedHeaders = "SignedHeaders=host;x-amz-date";
    private const string Signature = "Signature=" + SigV4TestData.Signature;
    private const string Scope = "/20240515/us-east-1/kms-xks-proxy/aws4_request";

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C},{H},{S}")]
    [InlineData("AWS4-HMAC-SHA256 {C},   {H} ,  {S}")]
    [InlineData("AWS4-HMAC-SHA256  {C}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {S}, {H}, {C}")]
    public void Verify_WellFormedSpacingOrOrder_Accepted(string template)
    {
        var result = VerifierFixture.Verify(WithAuthorization(template));

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("AWS4-HMAC-SHA256")]
    [InlineData("AWS4-HMAC-SHA256 ")]
    [InlineData("aws4-hmac-sha256 {C}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA1 {C}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256,{C}, {H}, {S}")]
    [InlineData(" AWS4-HMAC-SHA256 {C}, {H}, {S}")]
    [InlineData("Bearer {S}")]
    [InlineData("AWS4-HMAC-SHA256 {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {C}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {S}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {S},")]
    [InlineData("AWS4-HMAC-SHA256 {C},, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {S}, Extra=1")]
    [InlineData("AWS4-HMAC-SHA256 {C} {H} {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}; {H}; {S}")]
    [InlineData("AWS4-HMAC-SHA256 credential=AKIAI2SFODNN7EXAMPLE" + Scope + ", {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential =AKIAI2SFODNN7EXAMPLE" + Scope + ", {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 =x, {C}, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/kms-xks-proxy, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}/extra, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=" + Scope + ", {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/2024051/us-east-1/kms-xks-proxy/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/2024O515/us-east-1/kms-xks-proxy/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515//kms-xks-proxy/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/US-EAST-1/kms-xks-proxy/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/eu-west-1/kms-xks-proxy/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/kms/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/KMS-XKS-PROXY/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/s3/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/kms-xks-proxy/aws4_requestx, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/kms-xks-proxy/aws4-request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240516/us-east-1/kms-xks-proxy/aws4_request, {H}, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=x-amz-date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=host, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=x-amz-date;host, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=Host;x-amz-date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=host;X-Amz-Date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=host;host;x-amz-date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=host;;x-amz-date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=;host;x-amz-date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=host;x-amz-date;, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=host; x-amz-date, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, SignedHeaders=, {S}")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, Signature=")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, Signature=7A963DB67DE31961B22EF05652B9AD014E5C1B1DEE949D63D655208548A390C0")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, Signature=7a963db67de31961b22ef05652b9ad014e5c1b1dee949d63d655208548a390c")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, Signature=7a963db67de31961b22ef05652b9ad014e5c1b1dee949d63d655208548a390c00")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, Signature=7a963db67de31961b22ef05652b9ad014e5c1b1dee949d63d655208548a390cg")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, Signature=7a963db6 7de31961b22ef05652b9ad014e5c1b1dee949d63d655208548a390c0")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {S}\u00e9")]
    [InlineData("AWS4-HMAC-SHA256 {C}, {H}, {S}\0")]
    [InlineData("AWS4-HMAC-SHA256 {C},\r\n {H}, {S}")]
    public void Verify_GarbledAuthorization_Rejected(string template)
    {
        var request = WithAuthorization(template);

        VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);
    }

    [Fact]
    public void Verify_HugeAuthorization_Rejected()
    {
        var request = WithAuthorization("AWS4-HMAC-SHA256 {C}, {H}, {S}, " + new string('x', 1_000_000));

        Assert.Equal(SigV4Failures.MalformedAuthorization, VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request)).Message);
    }

    [Fact]
    public void Verify_DuplicatedAuthorizationHeadersCombined_Rejected()
    {
        var request = WithAuthorization("{A}, {A}");

        VerifierFixture.AssertAuthenticationFailed(VerifierFixture.Verify(request), request);
    }

    private static TestRequest WithAuthorization(string template)
    {
        var request = TestRequest.Signed();
        Assert.Equal(SigV4TestData.Authorization, request.Authorization);
        request.Authorization = template
            .Replace("{A}", SigV4TestData.Authorization, StringComparison.Ordinal)
            .Replace("{C}", Credential, StringComparison.Ordinal)
            .Replace("{H}", SignedHeaders, StringComparison.Ordinal)
            .Replace("{S}", Signature, StringComparison.Ordinal);
        return request;
    }
}
