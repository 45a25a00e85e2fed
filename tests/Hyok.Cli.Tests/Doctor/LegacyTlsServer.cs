using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>
/// <c>openssl s_server</c> (Debian's openssl, installed by ./test) on 127.0.0.1 accepting TLS 1.0 and every suite
/// (<c>SECLEVEL=0</c>): a badly configured TLS endpoint. Missing openssl fails the test.
/// </summary>
internal sealed class LegacyTlsServer : IAsyncDisposable
{
    private readonly Process _process;

    private LegacyTlsServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public static async Task<LegacyTlsServer> StartAsync(string certificateFile, string keyFile)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["s_server", "-accept", $"127.0.0.1:{port}", "-cert", certificateFile, "-key", keyFile,
            "-cipher", "ALL:@SECLEVEL=0", "-min_protocol", "TLSv1", "-www", "-quiet"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start openssl");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var listening = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return process.HasExited;
            }
        });
        Assert.True(listening && !process.HasExited, "openssl s_server did not start listening");
        return new LegacyTlsServer(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
