using Hyok.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Authentication;

/// <summary>The verifier for services other than kms-xks-proxy (the KMS emulator verifies its callers for service <c>kms</c>).</summary>
public sealed class SigV4ScopeTests
{
    private const string KmsAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    private static readonly SigV4Scope KmsScope = new(SigV4TestData.KeyStore.Name, SigV4TestData.Region, "kms");

    [Fact]
    public void Verify_KmsScopedSignature_SucceedsForKmsScope()
    {
        var result = Verifier().Verify(KmsSigned(SigV4TestData.Secret), KmsScope);

        Assert.True(result.IsSuccess);
        Assert.Equal(KmsAccessKeyId, result.Value.AccessKeyId);
    }

    [Fact]
    public void Verify_KmsScopedSignature_FailsForTheXksKeyStore()
    {
        var result = Verifier().Verify(KmsSigned(SigV4TestData.Secret), SigV4TestData.KeyStore);

        Assert.Equal(SigV4Failures.WrongService, result.Error!.Message);
    }

    [Fact]
    public void Verify_XksScopedSignature_FailsForKmsScope()
    {
        var result = Verifier().Verify(TestRequest.Signed().ToSigV4Request(), KmsScope with { CredentialSet = SigV4TestData.KeyStore.Name });

        Assert.Equal(XksErrorCode.AuthenticationFailedException, result.Error!.Code);
        Assert.Equal(SigV4Failures.WrongService, result.Error.Message);
    }

    [Fact]
    public void Verify_KmsScopedWrongSecret_SignatureMismatch()
    {
        var result = Verifier().Verify(KmsSigned(SigV4TestData.Secret + "x"), KmsScope);

        Assert.Equal(SigV4Failures.SignatureMismatch, result.Error!.Message);
    }

    [Theory]
    [InlineData("AKIA-WITH-DASH-12345")]
    [InlineData("SHORT")]
    public void Verify_KmsScopeMalformedAccessKeyId_InvalidAccessKeyId(string accessKeyId)
    {
        var result = Verifier().Verify(KmsSigned(SigV4TestData.Secret, accessKeyId), KmsScope);

        Assert.Equal(SigV4Failures.InvalidAccessKeyId, result.Error!.Message);
    }

    private static SigV4Verifier Verifier() =>
        new(new InMemoryCredentials().Add(SigV4TestData.KeyStore.Name, KmsAccessKeyId, SigV4TestData.Secret), new FakeTimeProvider(SigV4TestData.SignedAt));

    private static SigV4Request KmsSigned(string secret, string accessKeyId = KmsAccessKeyId)
    {
        byte[] body = "{}"u8.ToArray();
        SigV4Header[] headers = [new("host", "kms.example.com"), new("x-amz-date", SigV4TestData.AmzDate)];
        byte[] signature = new byte[32];
        SigV4Computation.Sign("POST", "/", headers, body, SigV4TestData.AmzDate, SigV4TestData.Region, secret, signature, "kms");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = "kms.example.com",
            ["x-amz-date"] = SigV4TestData.AmzDate,
            ["authorization"] = $"AWS4-HMAC-SHA256 Credential={accessKeyId}/20240515/{SigV4TestData.Region}/kms/aws4_request, " +
                $"SignedHeaders=host;x-amz-date, Signature={Convert.ToHexStringLower(signature)}",
        };
        return new SigV4Request("POST", "/", name => values.GetValueOrDefault(name), body);
    }
}
