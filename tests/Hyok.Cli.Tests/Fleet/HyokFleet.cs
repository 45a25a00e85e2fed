using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;
using Hyok.Client;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// A fleet on one machine: <see cref="Size"/> <c>hyok serve</c> processes, started in parallel, sharing ONE data folder
/// (configuration, certificate, credentials and the SQLite store, which WAL lets several processes use), each on its own
/// free port with its own audit folder, behind a <see cref="HaproxyServer"/> that checks their ping route.
/// The storage is whatever the data folder's configuration says plus <c>storage</c> settings: a PostgreSQL fleet is the
/// same fixture started with <c>Hyok__Storage__...</c> settings.
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
        var processes = Enumerable.Range(0, Size).Select(i => StartInstance(data, i, storage)).ToList();
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

            throw;
        }
    }

    /// <summary>A client of the <c>default</c> key store through the load balancer (connections reused: each sticks to one instance).</summary>
    public XksClient Client() => ClientOn(_http, Balancer.Port);

    /// <summary>A client of the <c>default</c> key store that calls instance <paramref name="index"/> directly.</summary>
    public XksClient Client(int index) => ClientOn(_http, Instances[index].Port);

    /// <summary>A client through the load balancer on <paramref name="http"/> (e.g. a new one from <see cref="NewHttpClient"/>: a new connection).</summary>
    public XksClient Client(HttpClient http) => ClientOn(http, Balancer.Port);

    /// <summary>A new HTTP client trusting exactly the data folder's certificate; the caller disposes it.</summary>
    public HttpClient NewHttpClient() => PinnedClient(Data.CertificateFile);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Balancer.DisposeAsync();
        foreach (var instance in Instances)
        {
            await instance.Process.DisposeAsync();
        }
    }

    private XksClient ClientOn(HttpClient http, int port)
    {
        var (accessKeyId, secret) = Data.DefaultCredential;
        return new XksClient(http, new Uri($"https://127.0.0.1:{port}"), "/keystores/default/kms/xks/v1", "us-east-1", accessKeyId, secret, TimeProvider.System);
    }

    private static string AuditDirectory(EmbeddedDataFolder data, int index) => data.Scratch($"audit-{HaproxyServer.ServerName(index)}");

    private static ChildProcess StartInstance(EmbeddedDataFolder data, int index, IReadOnlyDictionary<string, string>? storage)
    {
        var cli = data.Cli
            .With("Hyok__Server__Listen__0", "127.0.0.1:0")
            .With("Hyok__Server__PingPath", PingPath)
            .With("Hyok__Audit__Directory", AuditDirectory(data, index))
            .With("Logging__LogLevel__Default", "Warning");
        foreach (var (name, value) in storage ?? new Dictionary<string, string>())
        {
            cli = cli.With(name, value);
        }

        var start = new ProcessStartInfo(HyokCli.Dotnet);
        start.ArgumentList.Add(HyokCli.Dll);
        start.ArgumentList.Add("serve");
        cli.ApplyEnvironment(start);
        return ChildProcess.Start(start);
    }

    /// <summary>One client for every call: certificate pinned to the data folder's (every instance serves the same one), HTTP/1.1, connections reused.</summary>
    private static HttpClient PinnedClient(string certificateFile)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        var expected = certificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(expected);
        return new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version11 };
    }

    private static int Port(string listeningLine) => int.Parse(ListeningLine().Match(listeningLine).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Hyok XKS proxy is listening on https://127\.0\.0\.1:([0-9]+)")]
    private static partial Regex ListeningLine();
}
