using Hyok.Authentication;
using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>The seeds reach deep: the signed requests verify, the spec's bodies parse, so mutations start from valid inputs.</summary>
public sealed class SeedCorpusTests
{
    [Theory]
    [InlineData("spec-vector-7.1.http")]
    [InlineData("encrypt-crlf-content-type-signed.http")]
    public void Verify_SignedSeed_Succeeds(string file)
    {
        var raw = RawHttpRequest.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus", "sigv4", file)));
        var verifier = new SigV4Verifier(new SpecCredentials(), new FixedClock(SpecCredentials.SignedAt));

        var result = verifier.Verify(
            new SigV4Request(raw.Method, raw.Path, raw.Header, raw.Body), new SigV4Scope(SpecCredentials.KeyStore, SpecCredentials.Region, SigV4Scope.XksService));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(SpecCredentials.AccessKeyId, result.Value!.AccessKeyId);
    }

    [Fact]
    public void Verify_SignedSeedOneByteChanged_Fails()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus", "sigv4", "spec-vector-7.1.http"));
        input[^3] ^= 1;
        var raw = RawHttpRequest.Parse(input);
        var verifier = new SigV4Verifier(new SpecCredentials(), new FixedClock(SpecCredentials.SignedAt));

        var result = verifier.Verify(
            new SigV4Request(raw.Method, raw.Path, raw.Header, raw.Body), new SigV4Scope(SpecCredentials.KeyStore, SpecCredentials.Region, SigV4Scope.XksService));

        Assert.Equal(SigV4Failures.SignatureMismatch, result.Error?.Message);
    }

    [Theory]
    [InlineData("encrypt-4.2.json", true, false)]
    [InlineData("decrypt-4.3.json", false, true)]
    [InlineData("decrypt-5.5-compact.json", false, true)]
    [InlineData("get-key-metadata-4.1.json", false, false)]
    public void Parse_SpecBody_AcceptedByItsOperation(string file, bool encrypt, bool decrypt)
    {
        byte[] body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus", "xks-request", file));

        Assert.True(RequestParser.ParseKeyMetadata(body).IsSuccess);
        Assert.Equal(encrypt, RequestParser.ParseEncrypt(body, XksLimits.Default).IsSuccess);
        Assert.Equal(decrypt, RequestParser.ParseDecrypt(body, XksLimits.Default).IsSuccess);
    }
}
