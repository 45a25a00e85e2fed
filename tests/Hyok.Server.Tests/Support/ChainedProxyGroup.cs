namespace Hyok.Server.Tests.Support;

/// <summary>TLS tests sharing one server with a full certificate chain.</summary>
[CollectionDefinition(Name)]
public sealed class ChainedProxyGroup : ICollectionFixture<ChainedCertificateProxy>
{
    public const string Name = "chained-proxy";
}
