using Hyok.Keys;
using Hyok.Keys.Software;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// The version rows of one backend's keys: <c>key_versions</c> (software, sealed material) or <c>hardware_key_versions</c>
/// (the material is a token object). The current version is the highest live one; numbers are never reused.
/// </summary>
internal sealed class KeyVersionTable
{
    public static readonly KeyVersionTable Software = new("key_versions", "material IS NOT NULL");

    public static readonly KeyVersionTable Hardware = new("hardware_key_versions", "retired_at IS NULL");

    private readonly string _table;
    private readonly string _live;

    private KeyVersionTable(string table, string live) => (_table, _live) = (table, live);

    public string Name => _table;

    /// <summary>Every version of <paramref name="id"/>, oldest first; empty for an unknown key.</summary>
    public List<KeyVersionInfo> List(DbConnection connection, DbTransaction? transaction, string id)
    {
        using var command = Sql.Command(connection, transaction,
            $"SELECT version, created_at, CASE WHEN {_live} THEN NULL ELSE coalesce(retired_at, 0) END FROM {_table} WHERE key_id = @id ORDER BY version", ("@id", id));
        using var reader = command.ExecuteReader();
        var versions = new List<(int Version, long Created, long? Retired)>();
        while (reader.Read())
        {
            versions.Add((checked((int)reader.GetInt64(0)), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        int current = versions.Where(v => v.Retired is null).Select(v => v.Version).DefaultIfEmpty(0).Max();
        return [.. versions.Select(v => new KeyVersionInfo(v.Version, FromMs(v.Created), v.Retired is { } r ? FromMs(r) : null, v.Version == current))];
    }

    /// <summary>The number the next version gets: one more than any version ever made.</summary>
    public int Next(DbConnection connection, DbTransaction transaction, string id) =>
        checked((int)(Sql.Scalar<long?>(connection, transaction, $"SELECT max(version) FROM {_table} WHERE key_id = @id", ("@id", id)) ?? 0) + 1);

    /// <summary>Checks that <paramref name="version"/> may be retired: it exists, is live and is not the current one.</summary>
    public static void RequireRetirable(string id, int version, List<KeyVersionInfo> versions)
    {
        var found = versions.FirstOrDefault(v => v.Version == version)
            ?? throw new KeyManagementException($"key '{id}' has no version {version}");
        if (found.RetiredAt is not null)
        {
            throw new KeyManagementException($"version {version} of key '{id}' is already retired");
        }

        if (found.IsCurrent)
        {
            throw new KeyManagementException($"version {version} is the current version of key '{id}' and cannot be retired; rotate first");
        }
    }

    private static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
