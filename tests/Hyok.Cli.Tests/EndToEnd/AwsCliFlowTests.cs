using System.Diagnostics;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.EndToEnd;

/// <summary>
/// The whole hold-your-own-key flow with the real aws CLI (the Debian package, installed by ./test): runs
/// <c>scripts/kms-e2e</c> against <c>hyok demo</c> with this build of the CLI. The script checks each step; this test
/// requires all of them to pass and shows the script's output when one does not.
/// </summary>
public sealed class AwsCliFlowTests
{
    private const string AwsCli = "/usr/bin/aws";

    [Fact]
    public async Task KmsE2eScript_WithAwsCliAgainstHyokDemo_PassesEveryCheck()
    {
        Assert.True(File.Exists(AwsCli), $"{AwsCli} is missing: the test command installs the Debian package awscli");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "kms-e2e"));
        new HyokCli(Path.GetTempPath()).ApplyEnvironment(start);
        start.Environment["HYOK_CMD"] = $"{HyokCli.Dotnet} {HyokCli.Dll}";
        start.Environment["AWS_CLI"] = AwsCli;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        string output = await stdout + await stderr;
        Assert.True(process.HasExited && process.ExitCode == 0, $"scripts/kms-e2e failed:\n{output}");
        Assert.Matches(@"(?m)^[1-9][0-9]* passed, 0 failed$", output);
    }
}
