namespace Hyok.Server.Tests.Support;

/// <summary>A <see cref="PostgreSqlProxyFixture"/> of the test's own (the test breaks or reads its database), stopped when the test ends.</summary>
public sealed class RunningPostgreSqlProxy : IAsyncDisposable
{
    private RunningPostgreSqlProxy(PostgreSqlProxyFixture proxy) => Proxy = proxy;

    public PostgreSqlProxyFixture Proxy { get; }

    public static async Task<RunningPostgreSqlProxy> StartAsync()
    {
        var proxy = new PostgreSqlProxyFixture();
        await proxy.InitializeAsync();
        return new RunningPostgreSqlProxy(proxy);
    }

    public ValueTask DisposeAsync() => new(Proxy.DisposeAsync());
}
