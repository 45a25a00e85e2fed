using System.Diagnostics;
using Hyok.Cli.Tests.Support;
using Hyok.Server.Configuration;
using Xunit.Abstractions;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// The shipped deployment files are accepted by the tools that will read them: <c>haproxy -c</c> for
/// deploy/haproxy/haproxy.cfg, <c>systemd-analyze verify</c> (where installed; the tests do not install systemd) for
/// deploy/systemd/hyok@.service, whose hardening settings are checked in any case.
/// </summary>
public sealed class DeploymentFilesTests(ITestOutputHelper output)
{
    private const string SystemdAnalyze = "/usr/bin/systemd-analyze";
    private static readonly string HaproxyConfig = Path.Combine(RepositoryRoot.Path, "deploy", "haproxy", "haproxy.cfg");
    private static readonly string SystemdUnit = Path.Combine(RepositoryRoot.Path, "deploy", "systemd", "hyok@.service");

    [Fact]
    public async Task HaproxyCheck_ShippedConfig_IsValidAndChecksThePingRoute()
    {
        Assert.True(File.Exists(HaproxyServer.Binary), $"{HaproxyServer.Binary} is missing: install the Debian package haproxy (the ./test script does).");

        var (exitCode, text) = await RunAsync(HaproxyServer.Binary, "-c", "-f", HaproxyConfig);

        Assert.True(exitCode == 0 && text.Contains("Configuration file is valid", StringComparison.Ordinal), text);
        Assert.DoesNotContain("WARNING", text, StringComparison.Ordinal);
        var config = await File.ReadAllTextAsync(HaproxyConfig);
        Assert.Contains("    mode tcp\n", config, StringComparison.Ordinal);
        Assert.Contains($"http-check send meth GET uri {new ServerOptions().PingPath} ", config, StringComparison.Ordinal);
        Assert.Contains("default-server check check-ssl verify none", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemdUnit_ShippedTemplate_IsHardenedAndVerifies()
    {
        var settings = (await File.ReadAllLinesAsync(SystemdUnit)).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).ToList();
        string[] expected =
        [
            "User=hyok", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=",
            "Restart=on-failure", "LimitNOFILE=65536", "ReadWritePaths=/var/lib/hyok /var/log/hyok/%i", "LoadCredential=master.key:/etc/hyok/master.key",
            "Environment=Hyok__Backend__MasterKeyFile=%d/master.key", "Environment=Hyok__Audit__Directory=/var/log/hyok/%i",
        ];
        Assert.All(expected, e => Assert.Contains(e, settings));
        Assert.DoesNotContain(settings, s => s.StartsWith("MemoryDenyWriteExecute=yes", StringComparison.Ordinal));

        if (!File.Exists(SystemdAnalyze))
        {
            output.WriteLine($"{SystemdAnalyze} is not installed: the unit was not verified by systemd.");
            return;
        }

        var (exitCode, text) = await RunAsync(SystemdAnalyze, "verify", Path.Combine(Path.GetDirectoryName(SystemdUnit)!, "hyok@8443.service"));

        // verify exits 0 on unknown keys and bad values too, and only prints them: nothing printed means nothing ignored.
        Assert.True(exitCode == 0 && text.Length == 0, $"systemd-analyze verify: exit {exitCode}\n{text}");
    }

    private static async Task<(int ExitCode, string Text)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
