using System.Globalization;
using System.Text.RegularExpressions;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// The parameter rules of CreateCustomKeyStore / UpdateCustomKeyStore for external key stores (KMS API reference;
/// xks-spec.md §2.1, §7.2): each <c>Check</c> returns null when the value is acceptable, else the
/// <c>ValidationException</c> KMS answers, worded like AWS's ("1 validation error detected: Value '…' at '…' failed to
/// satisfy constraint: …"). Secrets are never echoed. The one deliberate difference from KMS: the endpoint may carry a
/// port (<c>https://localhost:8443</c>), because an emulated proxy rarely listens on 443.
/// </summary>
public static partial class XksProxyParameters
{
    public const string EndpointMember = "xksProxyUriEndpoint";
    public const string PathMember = "xksProxyUriPath";
    public const string AccessKeyIdMember = "xksProxyAuthenticationCredential.accessKeyId";
    public const string SecretMember = "xksProxyAuthenticationCredential.rawSecretAccessKey";

    /// <summary>The KMS API pattern of <c>XksProxyUriEndpoint</c>, plus an optional port.</summary>
    public const string EndpointPattern = "^https://[a-zA-Z0-9.-]+(:[0-9]{1,5})?$";

    /// <summary>The KMS API pattern of <c>XksProxyUriPath</c>.</summary>
    public const string PathPattern = @"^(/[a-zA-Z0-9\/_-]+/kms/xks/v\d{1,2})$|^(/kms/xks/v\d{1,2})$";

    public const string AccessKeyIdPattern = "^[A-Z2-7]+$";
    public const string SecretPattern = @"^[a-zA-Z0-9\/+=]+$";

    /// <summary>Every rule at once, as KMS reports them: null when all hold. Null parameters are "not given" and skipped.</summary>
    public static KmsError? Check(string? endpoint, string? path, string? accessKeyId, string? secret)
    {
        var problems = new List<string>();
        problems.AddRange(EndpointProblems(endpoint));
        problems.AddRange(PathProblems(path));
        problems.AddRange(CredentialProblems(accessKeyId, secret));
        return ValidationError(problems);
    }

    public static KmsError? CheckEndpoint(string? endpoint) => ValidationError(EndpointProblems(endpoint));

    public static KmsError? CheckPath(string? path) => ValidationError(PathProblems(path));

    /// <summary>
    /// The credential rules; both parts null is "not given" (UpdateCustomKeyStore without a credential change; whether
    /// CreateCustomKeyStore got one is the caller's required-parameter check). One part alone is refused: KMS requires both.
    /// </summary>
    public static KmsError? CheckCredential(string? accessKeyId, string? secret) => ValidationError(CredentialProblems(accessKeyId, secret));

    /// <summary>The AWS wording of a list of constraint violations, or null for none.</summary>
    public static KmsError? ValidationError(IReadOnlyCollection<string> problems) => problems.Count switch
    {
        0 => null,
        1 => new KmsError("ValidationException", "1 validation error detected: " + problems.First()),
        _ => new KmsError("ValidationException", string.Create(CultureInfo.InvariantCulture,
            $"{problems.Count} validation errors detected: {string.Join("; ", problems)}")),
    };

    [GeneratedRegex(EndpointPattern, RegexOptions.CultureInvariant)]
    private static partial Regex EndpointRegex();

    [GeneratedRegex(PathPattern, RegexOptions.CultureInvariant)]
    private static partial Regex PathRegex();

    [GeneratedRegex(AccessKeyIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyIdRegex();

    [GeneratedRegex(SecretPattern, RegexOptions.CultureInvariant)]
    private static partial Regex SecretRegex();
}
