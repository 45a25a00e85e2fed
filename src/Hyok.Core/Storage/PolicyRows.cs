using System.Collections.Frozen;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>The policy in force per key store, for a <see cref="StoreSnapshot"/> (PostgreSQL storage only: SQLite has no policy tables).</summary>
internal static class PolicyRows
{
    public static FrozenDictionary<string, StoredPolicy> ReadCurrent(DbConnection connection, DbTransaction transaction, StoreDialect dialect)
    {
        if (!dialect.StoresPolicies)
        {
            return FrozenDictionary<string, StoredPolicy>.Empty;
        }

        using var command = Sql.Command(connection, transaction, """
            SELECT p.key_store, v.version, v.sha256, v.document FROM policies p
            JOIN policy_versions v ON v.key_store = p.key_store AND v.version = p.current_version
            """);
        using var reader = command.ExecuteReader();
        var policies = new Dictionary<string, StoredPolicy>(StringComparer.Ordinal);
        while (reader.Read())
        {
            policies[reader.GetString(0)] = new StoredPolicy(checked((int)reader.GetInt64(1)), reader.GetString(2), reader.GetString(3));
        }

        return policies.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
