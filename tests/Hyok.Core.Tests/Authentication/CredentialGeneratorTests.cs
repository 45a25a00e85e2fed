namespace Hyok.Authentication;

/// <summary>Generated credentials are valid (xks-spec.md §7.2) and do not repeat.</summary>
public sealed class CredentialGeneratorTests
{
    [Fact]
    public void NewAccessKeyId_Always_ValidAndUnique()
    {
        string[] ids = [.. Enumerable.Range(0, 200).Select(_ => CredentialGenerator.NewAccessKeyId())];

        Assert.All(ids, id => Assert.True(CredentialFormat.IsValidAccessKeyId(id), id));
        Assert.All(ids, id => Assert.Equal(26, id.Length));
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewSecret_Always_ValidBase64Of32BytesAndUnique()
    {
        string[] secrets = [.. Enumerable.Range(0, 200).Select(_ => CredentialGenerator.NewSecret())];

        Assert.All(secrets, secret => Assert.True(CredentialFormat.IsValidSecret(secret)));
        Assert.All(secrets, secret => Assert.Equal(32, Convert.FromBase64String(secret).Length));
        Assert.Equal(secrets.Length, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewCredential_SignAndVerify_RoundTrips()
    {
        string accessKeyId = CredentialGenerator.NewAccessKeyId();
        string secret = CredentialGenerator.NewSecret();
        var credentials = new InMemoryCredentials().Add(SigV4TestData.KeyStore.Name, accessKeyId, secret);

        var result = VerifierFixture.Verify(TestRequest.Signed(accessKeyId, secret), credentials: credentials);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }
}
