using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Kms.Storage;

/// <summary>Alias rows.</summary>
internal sealed partial class KmsDatabase
{
    private const string AliasColumns = "name, key_id, created_at, updated_at";

    /// <summary>False when an alias of that name exists.</summary>
    public bool TryInsertAlias(KmsAlias alias)
    {
        lock (_lock)
        {
            return Sql.Execute(
                _connection, null, $"INSERT OR IGNORE INTO aliases ({AliasColumns}) VALUES ($name, $key, $created, $updated)",
                ("$name", alias.Name), ("$key", alias.TargetKeyId.ToString("D")),
                ("$created", alias.CreationDate.ToUnixTimeMilliseconds()), ("$updated", alias.LastUpdatedDate.ToUnixTimeMilliseconds())) == 1;
        }
    }

    public KmsAlias? FindAlias(string name) =>
        QueryAliases($"SELECT {AliasColumns} FROM aliases WHERE name = $name", ("$name", name)).FirstOrDefault();

    /// <summary>Up to <paramref name="limit"/> aliases in name order from <paramref name="from"/> (inclusive), optionally of one key.</summary>
    public IReadOnlyList<KmsAlias> ListAliases(Guid? keyId, string? from, int limit) => QueryAliases(
        $"SELECT {AliasColumns} FROM aliases WHERE ($key IS NULL OR key_id = $key) AND ($from IS NULL OR name >= $from) ORDER BY name LIMIT $limit",
        ("$key", keyId?.ToString("D")), ("$from", from), ("$limit", limit));

    public bool DeleteAlias(string name)
    {
        lock (_lock)
        {
            return Sql.Execute(_connection, null, "DELETE FROM aliases WHERE name = $name", ("$name", name)) == 1;
        }
    }

    private List<KmsAlias> QueryAliases(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_lock)
        {
            using var command = Sql.Command(_connection, null, sql, parameters);
            using var reader = command.ExecuteReader();
            var aliases = new List<KmsAlias>();
            while (reader.Read())
            {
                aliases.Add(new KmsAlias(
                    reader.GetString(0), Guid.Parse(reader.GetString(1)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
            }

            return aliases;
        }
    }
}
