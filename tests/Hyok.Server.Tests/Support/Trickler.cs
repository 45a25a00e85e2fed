namespace Hyok.Server.Tests.Support;

/// <summary>Sends one byte to each connection every 200 ms until stopped; counts the connections the server closed meanwhile.</summary>
public sealed class Trickler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly HashSet<RawTlsConnection> _closed = [];

    public Trickler(IReadOnlyList<RawTlsConnection> connections) => _loop = RunAsync(connections);

    public int Closed
    {
        get
        {
            lock (_closed)
            {
                return _closed.Count;
            }
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public void Dispose() => _stop.Dispose();

    private async Task RunAsync(IReadOnlyList<RawTlsConnection> connections)
    {
        try
        {
            while (true)
            {
                await Task.Delay(200, _stop.Token);
                foreach (var connection in connections)
                {
                    try
                    {
                        await connection.SendAsync("a");
                    }
                    catch (IOException)
                    {
                        lock (_closed)
                        {
                            _closed.Add(connection);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
