using System.Collections.Frozen;
using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>Names of the <see cref="PolicyField"/>s in a policy file, and their values in a request.</summary>
public static class PolicyFields
{
    /// <summary>The XKS operations a policy can see; GetHealthStatus is never subject to a policy (xks-spec.md §7.6).</summary>
    public static readonly IReadOnlyList<string> XksOperations =
        [nameof(XksOperationKind.GetKeyMetadata), nameof(XksOperationKind.Encrypt), nameof(XksOperationKind.Decrypt)];

    private static readonly FrozenDictionary<string, PolicyField> ByName =
        Enum.GetValues<PolicyField>().ToFrozenDictionary(NameOf, StringComparer.Ordinal);

    /// <summary>Every field name, in the order of <see cref="PolicyField"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<PolicyField>().Select(NameOf)];

    /// <summary>The name used in a policy file: <c>awsPrincipalArn</c>, <c>externalKeyId</c>, <c>xksOperation</c>...</summary>
    public static string NameOf(PolicyField field) => field switch
    {
        PolicyField.AwsPrincipalArn => "awsPrincipalArn",
        PolicyField.KmsOperation => "kmsOperation",
        PolicyField.KmsKeyArn => "kmsKeyArn",
        PolicyField.KmsViaService => "kmsViaService",
        PolicyField.AwsSourceVpc => "awsSourceVpc",
        PolicyField.AwsSourceVpce => "awsSourceVpce",
        PolicyField.ExternalKeyId => "externalKeyId",
        PolicyField.XksOperation => "xksOperation",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Finds a field by its exact (case-sensitive) name in a policy file.</summary>
    public static bool TryParse(string name, out PolicyField field) => ByName.TryGetValue(name, out field);

    /// <summary>The value of <paramref name="field"/> in a request; null when the request does not carry it.</summary>
    public static string? ValueOf(RequestFacts facts, PolicyField field)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return field switch
        {
            PolicyField.AwsPrincipalArn => facts.AwsPrincipalArn,
            PolicyField.KmsOperation => facts.KmsOperation,
            PolicyField.KmsKeyArn => facts.KmsKeyArn,
            PolicyField.KmsViaService => facts.KmsViaService,
            PolicyField.AwsSourceVpc => facts.AwsSourceVpc,
            PolicyField.AwsSourceVpce => facts.AwsSourceVpce,
            PolicyField.ExternalKeyId => facts.ExternalKeyId,
            PolicyField.XksOperation => OperationName(facts.Operation),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    private static string OperationName(XksOperationKind operation) => operation switch
    {
        XksOperationKind.GetHealthStatus => nameof(XksOperationKind.GetHealthStatus),
        XksOperationKind.GetKeyMetadata => nameof(XksOperationKind.GetKeyMetadata),
        XksOperationKind.Encrypt => nameof(XksOperationKind.Encrypt),
        XksOperationKind.Decrypt => nameof(XksOperationKind.Decrypt),
        _ => operation.ToString(),
    };
}
