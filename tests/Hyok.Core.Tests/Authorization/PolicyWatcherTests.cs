using Hyok.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Core.Tests.Authorization;

/// <summary>Hot reload on a fake clock: every poll runs inside <see cref="FakeTimeProvider.Advance"/>.</summary>
public sealed class PolicyWatcherTests : IDisposable
{
    private const string AllowApp = """{ "version": 1, "rules": [ { "name": "app", "effect": "allow" } ] }""";
    private const string DenyEbs = """{ "version": 1, "mode": "dry-run", "rules": [ { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } } ] }""";

    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-policy-watch-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLogger _log = new();

    private string PaymentsFile => Path.Combine(_folder, "payments.json");

    [Fact]
    public void For_AfterStart_ServesEachStoresPolicyAndNullWithoutFile()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        File.WriteAllText(Path.Combine(_folder, "hr.json"), DenyEbs);
        using var watcher = Start(new() { ["payments"] = PaymentsFile, ["hr"] = Path.Combine(_folder, "hr.json") });

        Assert.Equal("app", watcher.PolicyOf("payments")!.Rules[0].Name);
        Assert.Equal(PolicyMode.DryRun, watcher.PolicyOf("hr")!.Mode);
        Assert.Null(watcher.PolicyOf("other"));
        Assert.Equal(0, watcher.Generation);
        Assert.Contains(_log.Entries, e => e is { EventId: 4000, Level: LogLevel.Information } && e.Message.Contains("payments", StringComparison.Ordinal));
    }

    [Fact]
    public void Poll_ValidChange_SwapsInNewPolicyAndRaisesEvent()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        using var watcher = Start(new() { ["payments"] = PaymentsFile });
        var old = watcher.PolicyOf("payments");
        var reloads = new List<PolicyReloadedEventArgs>();
        watcher.PolicyReloaded += (_, e) => reloads.Add(e);

        File.WriteAllText(PaymentsFile, DenyEbs);
        _time.Advance(PolicyWatcher.DefaultPollInterval);

        Assert.Equal(1, watcher.Generation);
        Assert.NotSame(old, watcher.PolicyOf("payments"));
        Assert.Equal("no-ebs", watcher.PolicyOf("payments")!.Rules[0].Name);
        var reload = Assert.Single(reloads);
        Assert.Equal(("payments", 1L), (reload.KeyStore, reload.Generation));
        Assert.Same(watcher.PolicyOf("payments"), reload.Policy);
        Assert.Null(watcher.FaultOf("payments"));
    }

    [Fact]
    public void Poll_UnchangedFile_DoesNotReload()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        using var watcher = Start(new() { ["payments"] = PaymentsFile });
        var old = watcher.PolicyOf("payments");

        File.SetLastWriteTimeUtc(PaymentsFile, DateTime.UtcNow.AddMinutes(1));
        for (var i = 0; i < 8; i++)
        {
            _time.Advance(PolicyWatcher.DefaultPollInterval);
        }

        Assert.Equal(0, watcher.Generation);
        Assert.Same(old, watcher.PolicyOf("payments"));
    }

    [Fact]
    public void Poll_SameSizeRewriteWithSameTimestamp_NoticedByTheHash()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        using var watcher = Start(new() { ["payments"] = PaymentsFile });
        var stamp = File.GetLastWriteTimeUtc(PaymentsFile);

        File.WriteAllText(PaymentsFile, AllowApp.Replace("\"app\"", "\"ppa\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(PaymentsFile, stamp);
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(PolicyWatcher.DefaultPollInterval);
        }

        Assert.Equal("ppa", watcher.PolicyOf("payments")!.Rules[0].Name);
    }

    [Fact]
    public void Poll_InvalidFile_KeepsPreviousPolicyAndLogsOnce()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        using var watcher = Start(new() { ["payments"] = PaymentsFile });
        var old = watcher.PolicyOf("payments");

        File.WriteAllText(PaymentsFile, """{ "version": 1, "rules": [ { "name": "app", "effect": "alow" } ] }""");
        for (var i = 0; i < 8; i++)
        {
            _time.Advance(PolicyWatcher.DefaultPollInterval);
        }

        Assert.Same(old, watcher.PolicyOf("payments"));
        Assert.Equal(0, watcher.Generation);
        Assert.Equal("rules[0] \"app\": effect: must be \"allow\" or \"deny\" (is \"alow\").", watcher.FaultOf("payments"));
        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(4001, error.EventId);
        Assert.Contains(PaymentsFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("previous policy stays in force", error.Message, StringComparison.Ordinal);
        Assert.Contains("(is \"alow\")", error.Message, StringComparison.Ordinal);

        File.WriteAllText(PaymentsFile, DenyEbs);
        _time.Advance(PolicyWatcher.DefaultPollInterval);

        Assert.Equal("no-ebs", watcher.PolicyOf("payments")!.Rules[0].Name);
        Assert.Null(watcher.FaultOf("payments"));
    }

    [Fact]
    public void Poll_DeletedFile_KeepsPreviousPolicyAndLogsError()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        using var watcher = Start(new() { ["payments"] = PaymentsFile });
        var old = watcher.PolicyOf("payments");

        File.Delete(PaymentsFile);
        for (var i = 0; i < 8; i++)
        {
            _time.Advance(PolicyWatcher.DefaultPollInterval);
        }

        Assert.Same(old, watcher.PolicyOf("payments"));
        Assert.Equal("file not found.", watcher.FaultOf("payments"));
        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(4002, error.EventId);

        File.WriteAllText(PaymentsFile, AllowApp);
        _time.Advance(PolicyWatcher.DefaultPollInterval);

        Assert.Null(watcher.FaultOf("payments"));
        Assert.Equal("app", watcher.PolicyOf("payments")!.Rules[0].Name);
    }

    [Fact]
    public void Constructor_InvalidOrMissingFiles_ThrowsListingEveryProblem()
    {
        File.WriteAllText(PaymentsFile, """{ "version": 2, "rules": [ { "name": "x", "effect": "maybe" } ] }""");
        var missing = Path.Combine(_folder, "hr.json");

        var e = Assert.Throws<PolicyLoadException>(() => Start(new() { ["payments"] = PaymentsFile, ["hr"] = missing }));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains($"key store payments, {PaymentsFile}: version: must be 1 (is 2).", e.Problems);
        Assert.Contains($"key store payments, {PaymentsFile}: rules[0] \"x\": effect: must be \"allow\" or \"deny\" (is \"maybe\").", e.Problems);
        Assert.Contains($"key store hr, {missing}: file not found.", e.Problems);
        Assert.StartsWith("3 problem(s) in policy files:\n  - ", e.Message, StringComparison.Ordinal);
        Assert.All(e.Problems, p => Assert.Contains(p, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Poll_AfterDispose_DoesNothing()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        var watcher = Start(new() { ["payments"] = PaymentsFile });
        watcher.Dispose();

        File.WriteAllText(PaymentsFile, DenyEbs);
        _time.Advance(PolicyWatcher.DefaultPollInterval);

        Assert.Equal(0, watcher.Generation);
    }

    [Fact]
    public void Refresh_RealClock_ReloadsImmediately()
    {
        File.WriteAllText(PaymentsFile, AllowApp);
        using var watcher = new PolicyWatcher(new Dictionary<string, string> { ["payments"] = PaymentsFile }, TimeProvider.System, _log);

        File.WriteAllText(PaymentsFile, DenyEbs);
        watcher.Refresh();

        Assert.Equal("no-ebs", watcher.PolicyOf("payments")!.Rules[0].Name);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PolicyWatcher Start(Dictionary<string, string> files) => new(files, _time, _log);
}
