namespace Hyok.Server.Tests.Support;

/// <summary>Tests sharing one running server on the PKCS#11 backend with PostgreSQL storage.</summary>
[CollectionDefinition(Name)]
public sealed class Pkcs11PostgreSqlProxyGroup : ICollectionFixture<Pkcs11PostgreSqlProxyFixture>
{
    public const string Name = "pkcs11 postgresql proxy";
}
