using System.Diagnostics;
using System.Globalization;

namespace Hyok.Testing;

/// <summary>Stopping the cluster and deleting its folder: at process exit, by a detached watchdog, and for clusters of killed runs.</summary>
public sealed partial class PostgresServer
{
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
    private void StartWatchdog() => DetachedWatchdog.Start(Root, $"""
        pid=$(head -n 1 '{DataDirectory}/postmaster.pid' 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
        sleep 2
        """);

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
