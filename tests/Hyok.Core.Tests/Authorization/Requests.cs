using Hyok.Authorization;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Authorization;

/// <summary>Sample request facts: a typical Encrypt from an application role, with any field overridable.</summary>
internal static class Requests
{
    public const string Principal = "arn:aws:iam::111122223333:role/app-web";
    public const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static RequestFacts Make(
        XksOperationKind operation = XksOperationKind.Encrypt,
        string? keyId = "key-1",
        string? principal = Principal,
        string? kmsOperation = "GenerateDataKey",
        string? keyArn = KeyArn,
        string? viaService = null,
        string? vpc = null,
        string? vpce = null) =>
        new("payments", operation, keyId, new RequestMetadata
        {
            AwsPrincipalArn = principal,
            KmsOperation = kmsOperation,
            KmsKeyArn = keyArn,
            KmsViaService = viaService,
            AwsSourceVpc = vpc,
            AwsSourceVpce = vpce,
            KmsRequestId = "4112f4d6-db54-4af4-ae30-c55a22a8dfae",
        });

    /// <summary>Parses a policy that must be valid.</summary>
    public static Policy Policy(string json)
    {
        var parse = Hyok.Authorization.Policy.Parse(json);
        Assert.True(parse.IsValid, string.Join("\n", parse.Errors));
        return parse.Policy;
    }

    /// <summary>A one-rule policy allowing requests whose <paramref name="field"/> matches <paramref name="patternJson"/>.</summary>
    public static Policy AllowOnly(string field, string patternJson) => Policy($$"""
        { "version": 1, "rules": [ { "name": "only", "effect": "allow", "match": { "{{field}}": {{patternJson}} } } ] }
        """);
}
