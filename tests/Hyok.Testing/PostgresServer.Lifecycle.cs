namespace Hyok.Testing;

/// <summary>Starting, restarting and (for a private cluster, <see cref="StartPrivate"/>) disposing the cluster.</summary>
public sealed partial class PostgresServer : IDisposable
{
    /// <summary>How long a restart leaves the cluster down (nothing listens on <see cref="Port"/>): an outage clients see.</summary>
    public static readonly TimeSpan RestartPause = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// Stops the cluster as an operator's restart does (<c>pg_ctl stop -m fast</c>: sessions are ended, transactions in
    /// flight roll back), leaves it down for <see cref="RestartPause"/>, then starts it again on the same port and data.
    /// Only for a private cluster: other tests use <see cref="Shared"/> concurrently.
    /// </summary>
    public Task RestartAsync() => Task.Run(async () =>
    {
        RunServerTool("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");
        await Task.Delay(RestartPause);
        StartCluster();
    });

    /// <summary>Stops the cluster now and deletes its folder (a private cluster; the shared one stops at process exit).</summary>
    public void Dispose()
    {
        StopCluster(BinDirectory, DataDirectory);
        TryDelete(Root);
    }

    private void StartCluster() =>
        RunServerTool("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={SocketDirectory} -c fsync=on {TlsSettings}", "start");
}
