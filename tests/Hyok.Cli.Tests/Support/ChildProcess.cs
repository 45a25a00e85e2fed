using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hyok.Cli.Tests.Support;

/// <summary>
/// A process the tests start and must not leave behind: output collected line by line, stopped with
/// SIGINT (Ctrl+C), and its whole process tree killed on dispose whatever happened.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _newLine = new(0);

    private ChildProcess(Process process)
    {
        _process = process;

        // Own readers instead of BeginOutputReadLine: Process.WaitForExit would wait for the pipes to close,
        // and a build server started by the launcher may keep them open long after.
        _ = PumpAsync(process.StandardOutput);
        _ = PumpAsync(process.StandardError);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything printed so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _lines);

    public static ChildProcess Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new ChildProcess(process);
    }

    /// <summary>The first line matching <paramref name="match"/>; fails with all output so far after <paramref name="timeout"/> or if the process ends.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited && !await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200)))
            {
                Assert.Fail($"the process ended (exit code {_process.ExitCode}) before the expected line:\n{Output}");
            }

            Assert.True(clock.Elapsed < timeout, $"no expected line within {timeout}:\n{Output}");
            await _newLine.WaitAsync(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C does, and waits for the process to end.</summary>
    public async Task<bool> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return _process.WaitForExit(timeout);
    }

    /// <summary>SIGKILL: the process gets no chance to flush or clean up, as in a crash or an OOM kill.</summary>
    public bool Kill(TimeSpan timeout)
    {
        _process.Kill();
        return _process.WaitForExit(timeout);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _newLine.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                _lines.Enqueue(line);
                _newLine.Release();
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }
    }
}
