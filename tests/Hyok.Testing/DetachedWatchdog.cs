using System.Diagnostics;

namespace Hyok.Testing;

/// <summary>
/// Cleans up after a helper server (a PostgreSQL cluster, an HAProxy) that this test process started in a folder of its
/// own. The test host is ended within moments of its exit handlers starting, and may be killed outright, so a detached
/// shell (<c>setsid -f</c>, not a child of this process) waits until this process has ended or the folder is gone (the
/// owner cleaned up itself), then runs the cleanup commands (e.g. kill the server whose pid file is in the folder) and
/// deletes the folder.
/// </summary>
public static class DetachedWatchdog
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <param name="folder">The folder the watched server lives in; deleted at the end.</param>
    /// <param name="cleanup">POSIX shell commands run before the folder is deleted (may find the folder gone already).</param>
    public static void Start(string folder, string cleanup)
    {
        string script = $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId} 2>/dev/null && [ -d '{folder}' ]; do sleep 1; done
            {cleanup}
            rm -rf '{folder}'
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start a cleanup watchdog (setsid)");
        process.WaitForExit(StartTimeout);
    }
}
