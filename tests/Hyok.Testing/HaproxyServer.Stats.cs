using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Hyok.Testing;

/// <summary>Reading the instances' states from the stats socket (<c>show stat</c>, CSV) and waiting for a state.</summary>
public sealed partial class HaproxyServer
{
    private string StatsSocket => Path.Combine(Root, "stats.sock");

    /// <summary>The instances of the backend, in configuration order; empty while the stats socket does not answer yet.</summary>
    public async Task<IReadOnlyList<HaproxyServerState>> StatesAsync()
    {
        string csv;
        try
        {
            csv = await CommandAsync("show stat");
        }
        catch (SocketException)
        {
            return [];
        }

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            return [];
        }

        var columns = lines[0][2..].Split(',');
        int Column(string name) => Array.IndexOf(columns, name);
        var (proxy, server, status, check, sessions) = (Column("pxname"), Column("svname"), Column("status"), Column("check_status"), Column("stot"));
        return lines.Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[proxy] == BackendName && f[server] is not ("BACKEND" or "FRONTEND"))
            .Select(f => new HaproxyServerState(f[server], f[status], f[check], long.Parse(f[sessions], CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Polls the states until <paramref name="condition"/> holds; throws with the last states and HAProxy's output after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<HaproxyServerState>> WaitUntilAsync(Func<IReadOnlyList<HaproxyServerState>, bool> condition, TimeSpan timeout, string description)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var states = await StatesAsync();
            if (condition(states))
            {
                return states;
            }

            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"HAProxy: not {description} within {timeout}{(_process.HasExited ? $" (HAProxy exited with {_process.ExitCode})" : "")}; " +
                    $"states: {string.Join("; ", states)}\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every instance is UP after a passed health check.</summary>
    public Task<IReadOnlyList<HaproxyServerState>> WaitForAllUpAsync(TimeSpan timeout) =>
        WaitUntilAsync(states => states.Count == BackendPorts.Count && states.All(s => s.IsUpAndChecked), timeout, "every instance UP");

    /// <summary>Waits until HAProxy has marked the instance at <paramref name="index"/> DOWN.</summary>
    public Task<IReadOnlyList<HaproxyServerState>> WaitForDownAsync(int index, TimeSpan timeout) =>
        WaitUntilAsync(states => states.Any(s => s.Name == ServerName(index) && s.IsDown), timeout, $"{ServerName(index)} DOWN");

    private async Task<string> CommandAsync(string command)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(StatsSocket));
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"));
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync();
    }
}
