using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Cli.Doctor;

/// <summary>The credential as CreateCustomKeyStore validates it (xks-spec.md §7.2, <see cref="XksProxyParameters"/>); the secret is never echoed.</summary>
internal static class CredentialCheck
{
    public static DoctorFinding Run(DoctorTarget target) =>
        XksProxyParameters.CheckCredential(target.AccessKeyId, target.Secret) is { } error
            ? DoctorFinding.Fail("credentials", error.Message,
                "Access key id: 20-30 characters of A-Z 2-7; secret: 43-64 characters of a-z A-Z 0-9 / + = (hyok credentials add makes both).",
                EndpointChecks.Validation)
            : DoctorFinding.Pass("credentials", $"access key id {target.AccessKeyId}, secret of {target.Secret.Length} characters");
}
