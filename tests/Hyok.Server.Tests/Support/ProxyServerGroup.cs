namespace Hyok.Server.Tests.Support;

/// <summary>Tests sharing one running server; they use their own keys and credentials when they change state.</summary>
[CollectionDefinition(Name)]
public sealed class ProxyServerGroup : ICollectionFixture<ProxyFixture>
{
    public const string Name = "proxy";
}
