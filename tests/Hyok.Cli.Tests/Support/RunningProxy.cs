using System.Security.Cryptography.X509Certificates;
using Hyok.Client;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Hyok.Cli.Tests.Support;

/// <summary>
/// <c>hyok serve</c>'s server, started in this process on an embedded data folder (any free port), so the CLI,
/// run as a separate process, changes the store under a running server.
/// </summary>
public sealed class RunningProxy : IAsyncDisposable
{
    private readonly BackendRuntime _runtime;
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly Uri _baseUri;

    private RunningProxy(BackendRuntime runtime, WebApplication app, string certificateFile)
    {
        _runtime = runtime;
        _app = app;
        _baseUri = new Uri($"https://127.0.0.1:{HyokServer.BoundAddresses(app)[0].Port}");
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        var expected = certificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(expected);
        _http = new HttpClient(handler);
    }

    /// <param name="data">The data folder whose configuration to serve.</param>
    /// <param name="configure">Changes to the configuration before start (e.g. the PKCS#11 backend).</param>
    public static async Task<RunningProxy> StartAsync(EmbeddedDataFolder data, Action<HyokOptions>? configure = null)
    {
        var options = HyokConfiguration.Load(data.ConfigFile);
        HyokCli.GenerousDeadlines(options);
        configure?.Invoke(options);
        options.Server.Listen.Clear();
        options.Server.Listen.Add("127.0.0.1:0");
        var runtime = BackendRuntime.Open(options.Backend, TimeProvider.System);
        var app = HyokServer.Build(options, runtime, TimeProvider.System, _ => { });
        await app.StartAsync();
        return new RunningProxy(runtime, app, data.CertificateFile);
    }

    /// <summary>The backend the server runs on (its token and database), for tests that change keys under it.</summary>
    internal BackendRuntime Runtime => _runtime;

    /// <summary>The port the proxy listens on (127.0.0.1).</summary>
    public int Port => _baseUri.Port;

    /// <summary>A client of the <c>default</c> key store signing with the given credential.</summary>
    public XksClient Client(string accessKeyId, string secret) =>
        new(_http, _baseUri, "/keystores/default/kms/xks/v1", "us-east-1", accessKeyId, secret, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _runtime.Dispose();
    }
}
