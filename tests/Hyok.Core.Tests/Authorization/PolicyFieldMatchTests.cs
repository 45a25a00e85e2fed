using Hyok.Authorization;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Authorization;

/// <summary>Every field a rule can name is read from the right part of the request.</summary>
public sealed class PolicyFieldMatchTests
{
    public static TheoryData<string, string, RequestFacts, RequestFacts> Fields => new()
    {
        { "awsPrincipalArn", "\"arn:aws:iam::111122223333:role/app-*\"", Requests.Make(), Requests.Make(principal: "arn:aws:iam::444455556666:role/app-web") },
        { "kmsOperation", "\"GenerateDataKey*\"", Requests.Make(), Requests.Make(kmsOperation: "ReEncrypt") },
        { "kmsKeyArn", "\"arn:aws:kms:us-east-1:111122223333:key/*\"", Requests.Make(), Requests.Make(keyArn: "arn:aws:kms:eu-west-1:111122223333:key/x") },
        { "kmsViaService", "\"ebs\"", Requests.Make(viaService: "ebs"), Requests.Make(viaService: "rds") },
        { "awsSourceVpc", "\"vpc-0a1b2c3d\"", Requests.Make(vpc: "vpc-0a1b2c3d"), Requests.Make(vpc: "vpc-99999999") },
        { "awsSourceVpce", "\"vpce-1?3\"", Requests.Make(vpce: "vpce-123"), Requests.Make(vpce: "vpce-1234") },
        { "externalKeyId", "[\"key-1\", \"key-2\"]", Requests.Make(keyId: "key-2"), Requests.Make(keyId: "key-3") },
        { "xksOperation", "\"Encrypt\"", Requests.Make(XksOperationKind.Encrypt), Requests.Make(XksOperationKind.Decrypt) },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Evaluate_EachField_AllowsMatchAndDeniesOther(string field, string pattern, RequestFacts matching, RequestFacts other)
    {
        var policy = Requests.AllowOnly(field, pattern);

        Assert.Equal(new PolicyDecision(PolicyEffect.Allow, "only", false), policy.Evaluate(matching));
        Assert.Equal(new PolicyDecision(PolicyEffect.Deny, null, false), policy.Evaluate(other));
    }

    [Theory]
    [InlineData("awsSourceVpc")]
    [InlineData("awsSourceVpce")]
    [InlineData("kmsViaService")]
    [InlineData("kmsKeyArn")]
    public void Evaluate_NullPattern_MatchesOnlyAbsentField(string field)
    {
        var policy = Requests.AllowOnly(field, "[null]");
        var wildcard = Requests.AllowOnly(field, "\"*\"");
        var absent = Requests.Make(keyArn: null);
        var present = Requests.Make(viaService: "ebs", vpc: "vpc-1", vpce: "vpce-1");

        Assert.Equal(PolicyEffect.Allow, policy.Evaluate(absent).Effect);
        Assert.Equal(PolicyEffect.Deny, policy.Evaluate(present).Effect);
        Assert.Equal(PolicyEffect.Deny, wildcard.Evaluate(absent).Effect);
        Assert.Equal(PolicyEffect.Allow, wildcard.Evaluate(present).Effect);
    }

    [Fact]
    public void Evaluate_ListWithNull_MatchesAbsentOrListedValue()
    {
        var policy = Requests.AllowOnly("awsSourceVpc", "[null, \"vpc-1\"]");

        Assert.Equal(PolicyEffect.Allow, policy.Evaluate(Requests.Make()).Effect);
        Assert.Equal(PolicyEffect.Allow, policy.Evaluate(Requests.Make(vpc: "vpc-1")).Effect);
        Assert.Equal(PolicyEffect.Deny, policy.Evaluate(Requests.Make(vpc: "vpc-2")).Effect);
    }

    [Fact]
    public void Evaluate_RuleNamingSeveralFields_NeedsAllToMatch()
    {
        var policy = Requests.Policy("""
            { "version": 1, "rules": [ { "name": "app-encrypt", "effect": "allow",
              "match": { "awsPrincipalArn": "arn:aws:iam::111122223333:role/app-*", "xksOperation": ["Encrypt", "GetKeyMetadata"] } } ] }
            """);

        Assert.Equal(PolicyEffect.Allow, policy.Evaluate(Requests.Make(XksOperationKind.Encrypt)).Effect);
        Assert.Equal(PolicyEffect.Deny, policy.Evaluate(Requests.Make(XksOperationKind.Decrypt)).Effect);
        Assert.Equal(PolicyEffect.Deny, policy.Evaluate(Requests.Make(principal: "arn:aws:iam::111122223333:user/bob")).Effect);
    }
}
