using Hyok.KeyStores;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Authentication;

/// <summary>
/// One long-lived <see cref="SigV4Verifier"/>, as the server keeps it, with its cached signing keys: rotation, days,
/// regions and key stores are honoured exactly as by a fresh verifier (xks-spec.md §7.1, §7.3).
/// </summary>
public sealed class SigV4VerifierKeyCacheTests
{
    private readonly FakeTimeProvider time = new(SigV4TestData.SignedAt);
    private readonly RotatingCredentials credentials = new();

    public SigV4VerifierKeyCacheTests() => credentials.Set(SigV4TestData.KeyStore.Name, SigV4TestData.AccessKeyId, SigV4TestData.Secret);

    [Fact]
    public void Verify_SameRequestAgain_AcceptedFromTheCachedKey()
    {
        var verifier = new SigV4Verifier(credentials, time);
        var request = TestRequest.Signed();

        Assert.True(verifier.Verify(request.ToSigV4Request(), SigV4TestData.KeyStore).IsSuccess);
        Assert.True(verifier.Verify(request.ToSigV4Request(), SigV4TestData.KeyStore).IsSuccess);
    }

    [Fact]
    public void Verify_TamperedAfterCachedKey_Rejected()
    {
        var verifier = new SigV4Verifier(credentials, time);
        var request = TestRequest.Signed();
        Assert.True(verifier.Verify(request.ToSigV4Request(), SigV4TestData.KeyStore).IsSuccess);

        request.Body = [.. request.Body, (byte)' '];

        Assert.Equal(SigV4Failures.SignatureMismatch, VerifierFixture.AssertAuthenticationFailed(verifier.Verify(request.ToSigV4Request(), SigV4TestData.KeyStore)).Message);
    }

    [Fact]
    public void Verify_SecretRotatedUnderSameAccessKeyId_OldSecretRejectedNewAccepted()
    {
        var verifier = new SigV4Verifier(credentials, time);
        var oldRequest = TestRequest.Signed();
        Assert.True(verifier.Verify(oldRequest.ToSigV4Request(), SigV4TestData.KeyStore).IsSuccess);

        credentials.Set(SigV4TestData.KeyStore.Name, SigV4TestData.AccessKeyId, SigV4TestData.SecondSecret);

        var stale = verifier.Verify(oldRequest.ToSigV4Request(), SigV4TestData.KeyStore);
        Assert.Equal(SigV4Failures.SignatureMismatch, VerifierFixture.AssertAuthenticationFailed(stale).Message);
        var fresh = verifier.Verify(TestRequest.Signed(secret: SigV4TestData.SecondSecret).ToSigV4Request(), SigV4TestData.KeyStore);
        Assert.True(fresh.IsSuccess, fresh.Error?.Message);
    }

    [Fact]
    public void Verify_CredentialRemoved_RejectedDespiteCachedKey()
    {
        var verifier = new SigV4Verifier(credentials, time);
        var request = TestRequest.Signed();
        Assert.True(verifier.Verify(request.ToSigV4Request(), SigV4TestData.KeyStore).IsSuccess);

        credentials.Remove(SigV4TestData.KeyStore.Name, SigV4TestData.AccessKeyId);

        Assert.Equal(SigV4Failures.UnknownAccessKeyId, VerifierFixture.AssertAuthenticationFailed(verifier.Verify(request.ToSigV4Request(), SigV4TestData.KeyStore)).Message);
    }

    [Fact]
    public void Verify_AcrossMidnight_EachDayVerifiesWithItsOwnKey()
    {
        var verifier = new SigV4Verifier(credentials, time);
        DateTimeOffset beforeMidnight = new(2024, 5, 15, 23, 59, 0, TimeSpan.Zero);
        DateTimeOffset afterMidnight = beforeMidnight.AddMinutes(2);
        time.SetUtcNow(beforeMidnight.AddMinutes(1));

        var first = verifier.Verify(TestRequest.Signed(at: beforeMidnight).ToSigV4Request(), SigV4TestData.KeyStore);
        var second = verifier.Verify(TestRequest.Signed(at: afterMidnight).ToSigV4Request(), SigV4TestData.KeyStore);
        var firstAgain = verifier.Verify(TestRequest.Signed(at: beforeMidnight.AddSeconds(30)).ToSigV4Request(), SigV4TestData.KeyStore);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(second.IsSuccess, second.Error?.Message);
        Assert.True(firstAgain.IsSuccess, firstAgain.Error?.Message);
    }

    [Fact]
    public void Verify_KeyStoresOfDifferentRegionsAndSecrets_NeverServeEachOthersKey()
    {
        var west = new LogicalKeyStore("west", "/west", "eu-west-1");
        credentials.Set(west.Name, SigV4TestData.AccessKeyId, SigV4TestData.SecondSecret);
        var verifier = new SigV4Verifier(credentials, time);
        var east = TestRequest.Signed();
        var westRequest = TestRequest.Signed(secret: SigV4TestData.SecondSecret, region: west.Region);
        var westSignedWithEastSecret = TestRequest.Signed(region: west.Region);

        Assert.True(verifier.Verify(east.ToSigV4Request(), SigV4TestData.KeyStore).IsSuccess);
        Assert.True(verifier.Verify(westRequest.ToSigV4Request(), west).IsSuccess);
        Assert.Equal(SigV4Failures.SignatureMismatch, VerifierFixture.AssertAuthenticationFailed(verifier.Verify(westSignedWithEastSecret.ToSigV4Request(), west)).Message);
        Assert.Equal(SigV4Failures.WrongRegion, VerifierFixture.AssertAuthenticationFailed(verifier.Verify(westRequest.ToSigV4Request(), SigV4TestData.KeyStore)).Message);
    }

    /// <summary>Credentials that can be rotated and removed between requests, as the store watcher's snapshot can.</summary>
    private sealed class RotatingCredentials : ICredentialLookup
    {
        private readonly Dictionary<(string, string), string> secrets = [];

        public void Set(string keyStore, string accessKeyId, string secret) => secrets[(keyStore, accessKeyId)] = secret;

        public void Remove(string keyStore, string accessKeyId) => secrets.Remove((keyStore, accessKeyId));

        public string? FindSecret(string keyStore, string accessKeyId) => secrets.GetValueOrDefault((keyStore, accessKeyId));
    }
}
