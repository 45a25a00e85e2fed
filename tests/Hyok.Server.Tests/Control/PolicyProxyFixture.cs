using Hyok.Authorization;
using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hyok.Server.Tests.Control;

/// <summary>
/// A software proxy whose <c>alpha</c> key store has a policy file (beta has none). Tests rewrite the file and wait
/// for the running server's watcher to take it.
/// </summary>
public sealed class PolicyProxyFixture : IAsyncLifetime
{
    public const string AllowedPrincipal = XksBodies.Principal;

    /// <summary>Alice may use alpha's keys unless the call comes through EBS; GetKeyMetadata is for admins only.</summary>
    public const string StandardPolicy = """
        {
          "version": 1,
          "rules": [
            { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } },
            { "name": "metadata-admins-only", "effect": "deny", "match": { "xksOperation": "GetKeyMetadata", "awsPrincipalArn": "arn:aws:iam::*:user/Alice" } },
            { "name": "alice", "effect": "allow", "match": { "awsPrincipalArn": "arn:aws:iam::123456789012:user/Alice" } },
            { "name": "admins", "effect": "allow", "match": { "awsPrincipalArn": "arn:aws:iam::123456789012:role/admin-*" } }
          ]
        }
        """;

    private string? _policyFile;

    public PolicyProxyFixture()
    {
        Proxy = new SoftwareProxyFixture { Configure = WritePolicy };
    }

    public ProxyFixture Proxy { get; }

    public string PolicyFile => _policyFile!;

    public PolicyWatcher Watcher => Proxy.Services.GetRequiredService<PolicyWatcher>();

    public Task InitializeAsync() => Proxy.InitializeAsync();

    /// <summary>Writes a new policy and waits until the server has it in force (or, when invalid, has rejected it).</summary>
    public void UsePolicy(string json)
    {
        if (File.ReadAllText(_policyFile!) == json && Watcher.FaultOf(ProxyFixture.Alpha) is null)
        {
            return;
        }

        var generation = Watcher.Generation;
        File.WriteAllText(_policyFile!, json);
        Watcher.Refresh();
        Assert.True(Watcher.Generation > generation || Watcher.FaultOf(ProxyFixture.Alpha) is not null, "the watcher neither took nor rejected the new policy");
    }

    private void WritePolicy(HyokOptions options)
    {
        _policyFile = Path.Combine(Path.GetDirectoryName(options.Backend.DatabaseFile)!, "alpha-policy.json");
        File.WriteAllText(_policyFile, StandardPolicy);
        options.KeyStores.Single(s => s.Name == ProxyFixture.Alpha).PolicyFile = _policyFile;
    }

    public Task DisposeAsync() => Proxy.DisposeAsync();
}
