using System.Text;
using System.Text.Json.Nodes;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Control;

/// <summary>
/// Secondary authorization over HTTPS (xks-spec.md §7.6): the policy of the key store decides after key lookup,
/// denials are 403 AccessDeniedException, every decision is in the request's audit record, GetHealthStatus is
/// exempt, dry-run records without enforcing, and edits apply without restart (an invalid edit never does).
/// </summary>
public sealed class PolicyEnforcementTests(PolicyProxyFixture fixture) : IClassFixture<PolicyProxyFixture>, IDisposable
{
    private const string Admin = "arn:aws:iam::123456789012:role/admin-ops";
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("policy test");

    private ProxyFixture Proxy => fixture.Proxy;

    [Fact]
    public async Task AllowedPrincipal_EncryptAndDecrypt_SucceedAndAuditNamesTheRule()
    {
        var body = Encrypt(PolicyProxyFixture.AllowedPrincipal);
        var encrypted = await Proxy.AlphaClient.EncryptAsync("k-both", body);
        var decrypt = XksBodies.Decrypt(encrypted);
        decrypt["requestMetadata"]!.AsObject().Remove("kmsViaService");
        await Proxy.AlphaClient.DecryptAsync("k-both", decrypt);

        Assert.Equal("policy allow rule alice", AuditLookup.Of(Proxy.AuditFolder, body).Decision);
        Assert.Equal("policy allow rule alice", AuditLookup.Of(Proxy.AuditFolder, decrypt).Decision);
    }

    [Fact]
    public async Task DenyRuleMatches_EvenForAnAllowedPrincipal_Is403AndAuditNamesTheDenyRule()
    {
        var body = Encrypt(PolicyProxyFixture.AllowedPrincipal, viaService: "ebs");

        await Proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", body, 403, "AccessDeniedException");

        var record = AuditLookup.Of(Proxy.AuditFolder, body);
        Assert.Equal(("AccessDeniedException", 403, "policy deny rule no-ebs"), (record.Outcome, record.Status, record.Decision));
    }

    [Fact]
    public async Task NoRuleMatches_IsDeniedByDefault()
    {
        var body = Encrypt("arn:aws:iam::999999999999:user/Mallory");

        await Proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", body, 403, "AccessDeniedException");

        Assert.Equal("policy deny (no rule matched)", AuditLookup.Of(Proxy.AuditFolder, body).Decision);
    }

    [Fact]
    public async Task GetKeyMetadata_RuleOnXksOperation_DeniesAliceAndAllowsAdmins()
    {
        var alice = Metadata(PolicyProxyFixture.AllowedPrincipal);
        var admin = Metadata(Admin);

        await Proxy.AlphaClient.ExpectErrorAsync("keys/k-both/metadata", alice, 403, "AccessDeniedException");
        using var response = await Proxy.AlphaClient.SendAsync("keys/k-both/metadata", XksBodies.Bytes(admin), default);
        await XksAssert.OkAsync(response);

        Assert.Equal("policy deny rule metadata-admins-only", AuditLookup.Of(Proxy.AuditFolder, alice).Decision);
        Assert.Equal("policy allow rule admins", AuditLookup.Of(Proxy.AuditFolder, admin).Decision);
    }

    [Fact]
    public async Task UnknownKey_IsKeyNotFoundBeforeThePolicyIsAsked()
    {
        var body = Encrypt("arn:aws:iam::999999999999:user/Mallory");

        await Proxy.AlphaClient.ExpectErrorAsync("keys/no-such-key/encrypt", body, 404, "KeyNotFoundException");

        Assert.Null(AuditLookup.Of(Proxy.AuditFolder, body).Decision);
    }

    [Fact]
    public async Task GetHealthStatus_UnderDenyAllPolicy_IsNeverSubjectToIt()
    {
        fixture.UsePolicy("""{ "version": 1, "rules": [ { "name": "everything", "effect": "deny" } ] }""");

        using var response = await Proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default);
        await XksAssert.OkAsync(response);
        await Proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", Encrypt(PolicyProxyFixture.AllowedPrincipal), 403, "AccessDeniedException");
    }

    [Fact]
    public async Task DryRun_DenyIsRecordedButNotEnforced()
    {
        fixture.UsePolicy(PolicyProxyFixture.StandardPolicy.Replace("\"version\": 1,", "\"version\": 1, \"mode\": \"dry-run\",", StringComparison.Ordinal));
        var denied = Encrypt("arn:aws:iam::999999999999:user/Mallory");
        var allowed = Encrypt(PolicyProxyFixture.AllowedPrincipal);

        await Proxy.AlphaClient.EncryptAsync("k-both", denied);
        await Proxy.AlphaClient.EncryptAsync("k-both", allowed);

        Assert.Equal(("OK", "dry-run policy deny (no rule matched)"), Summary(AuditLookup.Of(Proxy.AuditFolder, denied)));
        Assert.Equal(("OK", "dry-run policy allow rule alice"), Summary(AuditLookup.Of(Proxy.AuditFolder, allowed)));
    }

    [Fact]
    public async Task PolicyFileEdited_WhileServing_TakesEffectWithoutRestart()
    {
        var mallory = "arn:aws:iam::999999999999:user/Mallory";
        await Proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", Encrypt(mallory), 403, "AccessDeniedException");

        File.WriteAllText(fixture.PolicyFile, PolicyProxyFixture.StandardPolicy.Replace("123456789012:user/Alice\" } }", "*:user/*\" } }", StringComparison.Ordinal));

        await StoreChanges.WaitAsync(async () => await StatusAsync(Encrypt(mallory)) == 200);
    }

    [Fact]
    public async Task InvalidEdit_IsRejectedAndThePreviousPolicyStaysInForce()
    {
        fixture.UsePolicy("""{ "version": 1, "rules": [ { "name": "typo", "effect": "alow" } ] }""");

        Assert.Contains("alow", fixture.Watcher.FaultOf(ProxyFixture.Alpha), StringComparison.Ordinal);
        Assert.Contains(Proxy.Logs.Lines, l => l.Contains("alpha-policy.json", StringComparison.Ordinal));
        await Proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", Encrypt("arn:aws:iam::999999999999:user/Mallory"), 403, "AccessDeniedException");
        await Proxy.AlphaClient.EncryptAsync("k-both", Encrypt(PolicyProxyFixture.AllowedPrincipal));
    }

    [Fact]
    public async Task StoreWithoutPolicy_ServesEveryAuthenticatedCaller()
    {
        var body = Encrypt("arn:aws:iam::999999999999:user/Mallory", viaService: "ebs");

        await Proxy.Client(Proxy.BetaCredential).EncryptAsync("b-key", body);

        Assert.Null(AuditLookup.Of(Proxy.AuditFolder, body).Decision);
    }

    /// <summary>Each test starts from the standard policy.</summary>
    public void Dispose() => fixture.UsePolicy(PolicyProxyFixture.StandardPolicy);

    private static (string Outcome, string? Decision) Summary(Hyok.Auditing.AuditEvent record) => (record.Outcome, record.Decision);

    private async Task<int> StatusAsync(JsonObject body)
    {
        using var response = await Proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(body), default);
        return (int)response.StatusCode;
    }

    private static JsonObject Encrypt(string principal, string? viaService = null)
    {
        var body = XksBodies.Encrypt(Plaintext);
        body["requestMetadata"]!["awsPrincipalArn"] = principal;
        var metadata = body["requestMetadata"]!.AsObject();
        metadata.Remove("kmsViaService");
        if (viaService is not null)
        {
            metadata["kmsViaService"] = viaService;
        }

        return body;
    }

    private static JsonObject Metadata(string principal) => new()
    {
        ["requestMetadata"] = new JsonObject { ["awsPrincipalArn"] = principal, ["kmsOperation"] = "CreateKey", ["kmsRequestId"] = Guid.NewGuid().ToString() },
    };
}
