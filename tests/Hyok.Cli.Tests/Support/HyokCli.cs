using System.Diagnostics;

namespace Hyok.Cli.Tests.Support;

/// <summary>
/// Runs the built CLI as a separate process, as a user would: <c>dotnet hyok.dll ARGS</c> (Hyok.Cli's output is
/// copied next to the tests) with <c>HYOK_DATA</c> set and no inherited <c>HYOK_*</c>/<c>Hyok__*</c> variables.
/// </summary>
public sealed class HyokCli(string dataFolder)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The CLI's proxies answer DependencyTimeoutException after 200 ms by default; on a loaded test machine a cold
    /// request can take longer. These tests are not deadline tests (Hyok.Server.Tests' Limits tests are), so every proxy
    /// they start gets 10 s, through the environment of the runs and <see cref="GenerousDeadlines"/> in process.
    /// </summary>
    private const string DeadlineVariable = "Hyok__Limits__RequestDeadlineMilliseconds";
    private const string BackendTimeoutVariable = "Hyok__Server__BackendTimeoutMilliseconds";

    /// <summary>Nor do they shed on a loaded machine's thread-pool delays (Hyok.Server.Tests' Limits tests test that).</summary>
    private const string DispatchDelayVariable = "Hyok__Limits__MaxDispatchDelayMilliseconds";
    private const int Generous = 10000;

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal)
    {
        ["HYOK_DATA"] = dataFolder,
        [DeadlineVariable] = Generous.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [BackendTimeoutVariable] = Generous.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [DispatchDelayVariable] = "0",
    };

    /// <summary>The same generous deadlines for a proxy started in process.</summary>
    public static void GenerousDeadlines(Hyok.Server.Configuration.HyokOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Limits.RequestDeadlineMilliseconds = Generous;
        options.Limits.MaxDispatchDelayMilliseconds = 0;
        options.Server.BackendTimeoutMilliseconds = Generous;
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "hyok.dll");

    /// <summary>The <c>dotnet</c> host running these tests, else the one on PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>A copy that also sets <paramref name="name"/> in the environment of the runs.</summary>
    public HyokCli With(string name, string value)
    {
        var copy = new HyokCli(dataFolder);
        foreach (var (key, existing) in _environment)
        {
            copy._environment[key] = existing;
        }

        copy._environment[name] = value;
        return copy;
    }

    /// <summary>Removes inherited settings (<c>HYOK_MASTER_KEY</c>, <c>Hyok__Server__...</c>) and applies this runner's.</summary>
    public void ApplyEnvironment(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("hyok", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
    }

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ApplyEnvironment(start);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"hyok {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
