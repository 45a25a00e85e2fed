using System.Reflection;
using Hyok.KeyStores;
using Hyok.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Authentication;

/// <summary>Verifies test requests at a chosen instant and checks that failures are safe.</summary>
internal static class VerifierFixture
{
    public static XksResult<SigV4Principal> Verify(
        TestRequest request, LogicalKeyStore? keyStore = null, DateTimeOffset? now = null, ICredentialLookup? credentials = null)
    {
        var time = new FakeTimeProvider(now ?? SigV4TestData.SignedAt);
        var verifier = new SigV4Verifier(credentials ?? SigV4TestData.Credentials(), time);
        return verifier.Verify(request.ToSigV4Request(), keyStore ?? SigV4TestData.KeyStore);
    }

    /// <summary>
    /// AuthenticationFailed with one of the fixed <see cref="SigV4Failures"/> texts (so nothing of the request
    /// is echoed), printable ASCII under 512 characters (xks-spec.md §6.1).
    /// </summary>
    public static XksError AssertAuthenticationFailed(XksResult<SigV4Principal> result, TestRequest? request = null)
    {
        Assert.False(result.IsSuccess, "expected the request to be rejected");
        XksError error = result.Error;
        Assert.Equal(XksErrorCode.AuthenticationFailedException, error.Code);
        Assert.Contains(error.Message, FixedMessages);
        Assert.InRange(error.Message.Length, 1, 511);
        Assert.All(error.Message, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        if (request is not null && request.Headers.TryGetValue("Authorization", out string? authorization) && authorization.Length >= 40)
        {
            Assert.DoesNotContain(authorization, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    private static readonly HashSet<string> FixedMessages = typeof(SigV4Failures)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
