using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Hyok.Testing;

/// <summary>
/// A private PostgreSQL cluster for this test process (one per test assembly run, like <see cref="SoftHsm"/>): the Debian
/// server binaries (the highest /usr/lib/postgresql/N), <c>initdb</c> into a temporary folder with scram-sha-256 and a
/// generated superuser password, listening on 127.0.0.1 only on a free port, its Unix socket inside the folder, fsync on,
/// TLS offered (not required) with a certificate from a test CA.
/// Tests take a database of their own (<see cref="CreateDatabaseAsync"/>). Stopped and deleted when the process exits.
/// A missing PostgreSQL fails the test with a clear message; nothing skips.
/// </summary>
public sealed partial class PostgresServer
{
    private const string InstallRoot = "/usr/lib/postgresql";
    private static readonly Lazy<PostgresServer> Instance = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer()
    {
        BinDirectory = FindBinaries();
        StopAbandonedClusters();
        Root = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        DataDirectory = Path.Combine(Root, "data");
        SocketDirectory = Path.Combine(Root, "socket");
        Directory.CreateDirectory(SocketDirectory);
        File.WriteAllText(Path.Combine(Root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        SuperuserPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string passwordFile = Path.Combine(Root, "superuser-password");
        File.WriteAllText(passwordFile, SuperuserPassword + "\n");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        WriteTlsFiles();
        GiveToPostgresUser(Root);

        RunServerTool("initdb", "-D", DataDirectory, "-U", Superuser, "--auth=scram-sha-256", "--pwfile=" + passwordFile,
            "--encoding=UTF8", "--locale=C", "--no-sync");
        File.Delete(passwordFile);
        Port = FreePort();
        StartCluster();
        StartWatchdog();
    }

    /// <summary>The process-wide cluster, started on first use.</summary>
    public static PostgresServer Shared => Instance.Value;

    /// <summary>
    /// A cluster of the caller's own, for a test that stops or restarts it (<see cref="RestartAsync"/>) while other tests of
    /// this process use <see cref="Shared"/>; the caller disposes it (the watchdog cleans up if the process dies first).
    /// </summary>
    public static PostgresServer StartPrivate() => new();

    public const string Superuser = "postgres";

    /// <summary>The folder of initdb, pg_ctl and postgres (e.g. /usr/lib/postgresql/15/bin).</summary>
    public string BinDirectory { get; }

    public string Root { get; }

    public string DataDirectory { get; }

    public string SocketDirectory { get; }

    public int Port { get; }

    public string SuperuserPassword { get; }

    /// <summary>The server's log file (for failure messages).</summary>
    public string LogFile => Path.Combine(Root, "server.log");

    private static string FindBinaries()
    {
        var candidates = Directory.Exists(InstallRoot)
            ? Directory.GetDirectories(InstallRoot)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")) && File.Exists(Path.Combine(d, "bin", "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1)
                .ToList()
            : [];
        return candidates.Count > 0
            ? Path.Combine(candidates[0], "bin")
            : throw new InvalidOperationException(
                $"PostgreSQL server binaries not found ({InstallRoot}/*/bin/initdb and pg_ctl): install the Debian package postgresql (the ./test script does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
