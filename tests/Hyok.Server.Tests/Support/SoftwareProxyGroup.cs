namespace Hyok.Server.Tests.Support;

/// <summary>Tests sharing one running server on the software backend; they use their own keys and credentials when they change state.</summary>
[CollectionDefinition(Name)]
public sealed class SoftwareProxyGroup : ICollectionFixture<SoftwareProxyFixture>
{
    public const string Name = "software proxy";
}
