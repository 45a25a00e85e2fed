using System.Diagnostics;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// Runs <c>openssl s_client</c> against a local server, as an independent TLS client. openssl is a test
/// prerequisite (./test installs it): when it is missing the test fails, it never skips (ARCHITECTURE.md §4).
/// </summary>
public static class OpenSsl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary><c>openssl s_client -connect 127.0.0.1:PORT -servername localhost ARGS &lt;/dev/null</c>; stdout and stderr together.</summary>
    public static Task<OpenSslResult> SClientAsync(int port, params string[] arguments) => RunAsync(port, null, arguments);

    /// <summary>
    /// As <see cref="SClientAsync"/>, but writes <paramref name="input"/> (e.g. an HTTP request with <c>Connection: close</c>)
    /// over the connection and reads until the server closes it (<c>-ign_eof</c>): shows whether the server serves anything.
    /// </summary>
    public static Task<OpenSslResult> SClientExchangeAsync(int port, string input, params string[] arguments) =>
        RunAsync(port, input, ["-ign_eof", .. arguments]);

    private static async Task<OpenSslResult> RunAsync(int port, string? input, string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"openssl s_client {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        return new OpenSslResult(process.ExitCode, await output + await error);
    }

    private static string Executable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "openssl"))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail("openssl is required by the TLS tests but is not on PATH: install it (apt-get install openssl; ./test does so when run as root).");
        }

        return found;
    }
}
