using Hyok.Authorization;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Authorization;

/// <summary>Deny wins, first matching rule decides, no match denies; dry-run decides but never blocks.</summary>
public sealed class PolicyEvaluateTests
{
    private const string Rules = """
        { "version": 1, "mode": "MODE", "rules": [
            { "name": "app", "effect": "allow", "match": { "awsPrincipalArn": "arn:aws:iam::111122223333:role/app-*" } },
            { "name": "everyone-reads-metadata", "effect": "allow", "match": { "xksOperation": "GetKeyMetadata" } },
            { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } },
            { "name": "no-outside-vpc", "effect": "deny", "match": { "awsSourceVpc": [null] } },
        ] }
        """;

    private static Policy Make(string mode = "enforce") => Requests.Policy(Rules.Replace("MODE", mode, StringComparison.Ordinal));

    [Fact]
    public void Evaluate_DenyRuleAfterMatchingAllow_DenyWins()
    {
        var decision = Make().Evaluate(Requests.Make(viaService: "ebs", vpc: "vpc-1"));

        Assert.Equal(new PolicyDecision(PolicyEffect.Deny, "no-ebs", false), decision);
        Assert.True(decision.Blocks);
        Assert.Equal("policy deny rule no-ebs", decision.Describe());
    }

    [Fact]
    public void Evaluate_SeveralDenyRulesMatch_FirstDenyInFileOrderIsNamed()
    {
        Assert.Equal("no-ebs", Make().Evaluate(Requests.Make(viaService: "ebs")).RuleName);
    }

    [Fact]
    public void Evaluate_SeveralAllowRulesMatch_FirstAllowIsNamed()
    {
        var decision = Make().Evaluate(Requests.Make(XksOperationKind.GetKeyMetadata, vpc: "vpc-1"));

        Assert.Equal(new PolicyDecision(PolicyEffect.Allow, "app", false), decision);
        Assert.False(decision.Blocks);
        Assert.Equal("policy allow rule app", decision.Describe());
    }

    [Fact]
    public void Evaluate_NoRuleMatches_DefaultDeny()
    {
        var decision = Make().Evaluate(Requests.Make(principal: "arn:aws:iam::444455556666:root", vpc: "vpc-1"));

        Assert.Equal(new PolicyDecision(PolicyEffect.Deny, null, false), decision);
        Assert.True(decision.Blocks);
        Assert.Equal("policy deny (no rule matched)", decision.Describe());
    }

    [Fact]
    public void Evaluate_NoRules_DeniesEverything()
    {
        var policy = Requests.Policy("""{ "version": 1, "rules": [] }""");

        Assert.Equal(new PolicyDecision(PolicyEffect.Deny, null, false), policy.Evaluate(Requests.Make()));
    }

    [Fact]
    public void Evaluate_RuleWithoutMatch_MatchesEverything()
    {
        var policy = Requests.Policy("""{ "version": 1, "rules": [ { "name": "all", "effect": "allow" }, { "name": "all2", "effect": "allow", "match": {} } ] }""");

        Assert.Equal("all", policy.Evaluate(Requests.Make(principal: null, kmsOperation: null, keyArn: null)).RuleName);
    }

    [Fact]
    public void Evaluate_DryRun_RecordsWouldBeDecisionWithoutBlocking()
    {
        var policy = Make("dry-run");

        var denied = policy.Evaluate(Requests.Make(viaService: "ebs", vpc: "vpc-1"));
        var allowed = policy.Evaluate(Requests.Make(vpc: "vpc-1"));
        var unmatched = policy.Evaluate(Requests.Make(principal: "arn:aws:iam::444455556666:root", vpc: "vpc-1"));

        Assert.Equal(PolicyMode.DryRun, policy.Mode);
        Assert.Equal(new PolicyDecision(PolicyEffect.Deny, "no-ebs", true), denied);
        Assert.False(denied.Blocks);
        Assert.Equal("dry-run policy deny rule no-ebs", denied.Describe());
        Assert.Equal("dry-run policy allow rule app", allowed.Describe());
        Assert.Equal("dry-run policy deny (no rule matched)", unmatched.Describe());
        Assert.False(unmatched.Blocks);
    }

    [Fact]
    public void Explain_Request_TracesEveryRuleAndAgreesWithEvaluate()
    {
        var policy = Make();
        var request = Requests.Make(viaService: "ebs", vpc: "vpc-1");

        var explanation = policy.Explain(request);

        Assert.Equal(policy.Evaluate(request), explanation.Decision);
        Assert.Equal([true, false, true, false], explanation.Rules.Select(r => r.Matched));
        var app = Assert.Single(explanation.Rules[0].Fields);
        Assert.Equal(("awsPrincipalArn", Requests.Principal, "\"arn:aws:iam::111122223333:role/app-*\""), (app.FieldName, app.Value, app.MatchedPattern?.ToString()));
        var vpc = Assert.Single(explanation.Rules[3].Fields);
        Assert.Equal(("awsSourceVpc", "vpc-1", false), (vpc.FieldName, vpc.Value, vpc.Matched));
    }

    [Fact]
    public void Explain_ManyRequests_AlwaysAgreesWithEvaluate()
    {
        var policy = Make();
        string?[] principals = [Requests.Principal, "arn:aws:iam::444455556666:root", null];
        string?[] services = ["ebs", "rds", null];
        string?[] vpcs = ["vpc-1", null];
        foreach (var operation in new[] { XksOperationKind.GetKeyMetadata, XksOperationKind.Encrypt, XksOperationKind.Decrypt })
        {
            foreach (var request in principals.SelectMany(p => services.SelectMany(s => vpcs.Select(v => Requests.Make(operation, principal: p, viaService: s, vpc: v)))))
            {
                Assert.Equal(policy.Evaluate(request), policy.Explain(request).Decision);
            }
        }
    }
}
