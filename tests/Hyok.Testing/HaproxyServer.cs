using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hyok.Testing;

/// <summary>
/// A real HAProxy (the Debian package's <c>/usr/sbin/haproxy</c>) in front of Hyok instances, as a test process's child:
/// TCP mode (TLS passes through to the instances, as behind an AWS NLB) on a free 127.0.0.1 port, round robin, active
/// HTTPS health checks on the instances' unauthenticated ping route every 200 ms (2 failures: DOWN, 2 successes: UP),
/// and a stats socket to read each instance's state. Runs in the foreground (<c>-db</c>); killed on dispose, and by a
/// <see cref="DetachedWatchdog"/> if the test process dies first. A missing HAProxy fails the test; nothing skips.
/// </summary>
public sealed partial class HaproxyServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/haproxy";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HaproxyServer(string root, int port, IReadOnlyList<int> backendPorts)
    {
        Root = root;
        Port = port;
        BackendPorts = backendPorts;
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "-db", "-f", ConfigFile })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Binary}");
        File.WriteAllText(PidFile, _process.Id.ToString(CultureInfo.InvariantCulture));
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The folder of the configuration, pid file and stats socket.</summary>
    public string Root { get; }

    /// <summary>The load balancer's port on 127.0.0.1: clients connect here.</summary>
    public int Port { get; }

    /// <summary>The instances' ports on 127.0.0.1, in the order of <see cref="ServerName"/>.</summary>
    public IReadOnlyList<int> BackendPorts { get; }

    public string ConfigFile => Path.Combine(Root, "haproxy.cfg");

    /// <summary>Everything HAProxy printed so far (alerts, and its log: servers going DOWN and UP), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    private string PidFile => Path.Combine(Root, "haproxy.pid");

    /// <summary>Starts HAProxy in front of <paramref name="backendPorts"/> and waits until its stats socket answers.</summary>
    /// <param name="pingPath">The instances' <c>Hyok:Server:PingPath</c>.</param>
    public static async Task<HaproxyServer> StartAsync(IReadOnlyList<int> backendPorts, string pingPath = "/ping")
    {
        ArgumentNullException.ThrowIfNull(backendPorts);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"HAProxy ({Binary}) is not installed: install the Debian package haproxy (the ./test script does).");
        }

        string root = Directory.CreateTempSubdirectory("hyok-haproxy-").FullName;
        DetachedWatchdog.Start(root, $"pid=$(cat '{root}/haproxy.pid' 2>/dev/null) && kill -KILL \"$pid\" 2>/dev/null");
        int port = FreePort();
        File.WriteAllText(Path.Combine(root, "haproxy.cfg"), Configuration(root, port, backendPorts, pingPath));
        var server = new HaproxyServer(root, port, backendPorts);
        try
        {
            await server.WaitUntilAsync(states => states.Count == backendPorts.Count, StartTimeout, "the stats socket lists every instance");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The watchdog deletes it.
        }

        return ValueTask.CompletedTask;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
