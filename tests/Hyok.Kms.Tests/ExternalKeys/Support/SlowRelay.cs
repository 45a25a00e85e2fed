using System.Net;
using System.Net.Sockets;

namespace Hyok.Kms.Tests.ExternalKeys.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a proxy: forwards bytes both ways (TLS passes through untouched), holding each
/// chunk of the proxy's answers back by <see cref="Delay"/>. Makes a real proxy slow on demand.
/// </summary>
public sealed class SlowRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _targetPort;
    private readonly Task _accepting;

    public SlowRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public string Endpoint => $"https://localhost:{Port}";

    /// <summary>How long each chunk of an answer waits before it is passed on; zero: at once.</summary>
    public TimeSpan Delay { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                await Task.WhenAny(PumpAsync(client.GetStream(), upstream.GetStream(), delayed: false), PumpAsync(upstream.GetStream(), client.GetStream(), delayed: true));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool delayed)
    {
        byte[] buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (delayed && Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, _stop.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
