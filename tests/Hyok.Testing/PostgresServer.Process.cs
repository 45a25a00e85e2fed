using System.Diagnostics;
using System.Globalization;

namespace Hyok.Testing;

/// <summary>Running the server tools (as the <c>postgres</c> system user when the tests run as root: initdb refuses root), stopping, cleaning up.</summary>
public sealed partial class PostgresServer
{
    private const string FolderPrefix = "hyok-postgres-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    private static bool IsRoot => Environment.UserName == "root";

    private const int SigQuit = 3;

    /// <summary>At process exit: SIGQUIT to the postmaster, PostgreSQL's immediate shutdown (which still releases its shared memory).</summary>
    private void Stop()
    {
        string pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            _ = Kill(pid, SigQuit);
        }
    }

    /// <summary>
    /// The test host is ended within moments of its exit handlers starting (too soon to delete 40 MB of cluster), and may be
    /// killed outright: a detached watchdog waits for this process to end, then stops the cluster and deletes the folder.
    /// </summary>
    private void StartWatchdog()
    {
        string script = $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done
            pid=$(head -n 1 '{DataDirectory}/postmaster.pid' 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
            sleep 2
            rm -rf '{Root}'
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the PostgreSQL cleanup watchdog (setsid)");
        process.WaitForExit(ToolTimeout);
    }

    private void RunServerTool(string tool, params string[] arguments) => Run(BinDirectory, Root, tool, arguments, LogFile);

    private static void StopCluster(string binDirectory, string dataDirectory)
    {
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            try
            {
                Run(binDirectory, Path.GetDirectoryName(dataDirectory)!, "pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], null);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }
    }

    /// <summary>Clusters left by test processes that were killed before they could stop them.</summary>
    private void StopAbandonedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            string owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !IsAlive(pid))
            {
                StopCluster(BinDirectory, Path.Combine(folder, "data"));
                TryDelete(folder);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void GiveToPostgresUser(string folder)
    {
        if (IsRoot)
        {
            RunProcess("chown", ["-R", Superuser + ":" + Superuser, folder], folder, null);
        }
    }

    private static void Run(string binDirectory, string workingDirectory, string tool, IReadOnlyList<string> arguments, string? logFile)
    {
        string path = Path.Combine(binDirectory, tool);
        if (IsRoot)
        {
            RunProcess("runuser", ["-u", Superuser, "--", path, .. arguments], workingDirectory, logFile);
        }
        else
        {
            RunProcess(path, arguments, workingDirectory, logFile);
        }
    }

    private static void RunProcess(string file, IReadOnlyList<string> arguments, string workingDirectory, string? logFile)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {ToolTimeout}");
        }

        if (process.ExitCode != 0)
        {
            string log = logFile is not null && File.Exists(logFile) ? File.ReadAllText(logFile) : "";
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stdout.Result}{stderr.Result}{log}");
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
