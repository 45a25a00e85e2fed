namespace Hyok.Server.Tests.Support;

/// <summary>Mutual TLS tests sharing one server that requires client certificates.</summary>
[CollectionDefinition(Name)]
public sealed class MutualTlsProxyGroup : ICollectionFixture<MutualTlsProxy>
{
    public const string Name = "mutual-tls-proxy";
}
