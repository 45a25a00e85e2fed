using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>A software proxy whose <c>Hyok:Server:Connections</c> limits are changed for the tests of one limit.</summary>
public abstract class ConnectionLimitsFixture(Action<ConnectionLimitsOptions> configure) : IAsyncLifetime
{
    public ProxyFixture Proxy { get; } = new SoftwareProxyFixture { Configure = options => configure(options.Server.Connections) };

    public Task InitializeAsync() => Proxy.InitializeAsync();

    public Task DisposeAsync() => Proxy.DisposeAsync();
}
