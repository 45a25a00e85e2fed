using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>A software proxy whose <c>Hyok:Limits</c> are changed for the tests of one limit.</summary>
public abstract class LimitsProxyFixture(Action<LimitsOptions> configure) : IAsyncLifetime
{
    public ProxyFixture Proxy { get; } = new SoftwareProxyFixture { Configure = options => configure(options.Limits) };

    public Task InitializeAsync() => Proxy.InitializeAsync();

    public Task DisposeAsync() => Proxy.DisposeAsync();
}
