namespace Hyok.Server.Tests.Support;

/// <summary>Tests sharing one running server with PostgreSQL storage.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlProxyGroup : ICollectionFixture<PostgreSqlProxyFixture>
{
    public const string Name = "postgresql proxy";
}
