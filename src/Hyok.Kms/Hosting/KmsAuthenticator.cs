using Hyok.Authentication;
using Hyok.Kms.Configuration;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Hosting;

/// <summary>Verifies a caller's SigV4 signature for service <c>kms</c> in the emulator's region with Hyok.Core's verifier.</summary>
internal sealed class KmsAuthenticator(KmsCredentials credentials, string region, TimeProvider time)
{
    public const string Service = "kms";

    private readonly SigV4Verifier _verifier = new(credentials, time);
    private readonly SigV4Scope _scope = new("kms", region, Service);

    /// <summary>The caller, or the AWS authentication error.</summary>
    public (KmsCaller? Caller, KmsError? Error) Authenticate(SigV4Request request)
    {
        var result = _verifier.Verify(request, _scope);
        if (!result.IsSuccess)
        {
            return (null, AuthenticationErrors.From(result.Error.Message));
        }

        var credential = credentials.Find(result.Value.AccessKeyId);
        return credential is null
            ? (null, AuthenticationErrors.From(SigV4Failures.UnknownAccessKeyId))
            : (new KmsCaller(credential.AccessKeyId, credential.PrincipalArn), null);
    }
}
