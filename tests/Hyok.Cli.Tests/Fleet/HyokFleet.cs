using System.Globalization;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// A fleet on one machine: <see cref="Size"/> <c>hyok serve</c> processes, started in parallel, sharing ONE data folder
/// (configuration, certificate, credentials and the SQLite store, which WAL lets several processes use), each on its own
/// free port with its own audit folder, behind a <see cref="HaproxyServer"/> that checks their ping route.
/// The storage is whatever the data folder's configuration says plus <c>storage</c> settings: a PostgreSQL fleet is the
/// same fixture started with <c>Hyok__Storage__...</c> settings.
/// The instances are killed on dispose, and by a <see cref="DetachedWatchdog"/> if the test process dies first.
/// </summary>
internal sealed partial class HyokFleet : IAsyncDisposable
{
    public const int Size = 3;
    public const string PingPath = "/ping";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;

    private HyokFleet(EmbeddedDataFolder data, IReadOnlyList<FleetInstance> instances, HaproxyServer balancer)
    {
        Data = data;
        Instances = instances;
        Balancer = balancer;
        _http = PinnedClient(data.CertificateFile);
    }

    public EmbeddedDataFolder Data { get; }

    public IReadOnlyList<FleetInstance> Instances { get; }

    public HaproxyServer Balancer { get; }

    /// <summary>Starts the instances on <paramref name="data"/>, then HAProxy in front of them, and waits until HAProxy has every instance UP.</summary>
    /// <param name="storage">Extra settings for every instance (environment variable → value), e.g. a storage provider.</param>
    public static async Task<HyokFleet> StartAsync(EmbeddedDataFolder data, IReadOnlyDictionary<string, string>? storage = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        string pids = Directory.CreateDirectory(data.Scratch("fleet-pids")).FullName;
        DetachedWatchdog.Start(pids, $"for f in '{pids}'/*.pid; do kill -KILL \"$(cat \"$f\")\" 2>/dev/null; done");
        var processes = Enumerable.Range(0, Size).Select(i => StartInstance(data, i, storage)).ToList();
        for (int i = 0; i < Size; i++)
        {
            File.WriteAllText(Path.Combine(pids, $"{HaproxyServer.ServerName(i)}.pid"), processes[i].Id.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            var lines = await Task.WhenAll(processes.Select(p => p.WaitForLineAsync(l => ListeningLine().IsMatch(l), StartTimeout)));
            var instances = processes.Select((p, i) => new FleetInstance(p, Port(lines[i]), AuditDirectory(data, i))).ToList();
            var balancer = await HaproxyServer.StartAsync(instances.Select(i => i.Port).ToList(), PingPath);
            try
            {
                await balancer.WaitForAllUpAsync(StartTimeout);
            }
            catch
            {
                await balancer.DisposeAsync();
                throw;
            }

            return new HyokFleet(data, instances, balancer);
        }
        catch
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            Directory.Delete(pids, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Balancer.DisposeAsync();
        foreach (var instance in Instances)
        {
            await instance.Process.DisposeAsync();
        }

        Directory.Delete(Data.Scratch("fleet-pids"), recursive: true);
    }
}
