using System.Data.Common;
using Hyok.Keys.Software;

namespace Hyok.Storage;

/// <summary>Listing, showing, activating (rolling back) and removing a key store's policy.</summary>
public sealed partial class PolicyRecords
{
    /// <summary>Every stored version of <paramref name="keyStore"/>'s policy, oldest first; empty when it never had one.</summary>
    public IReadOnlyList<PolicyVersionInfo> Versions(string keyStore) => _database.Read(connection =>
    {
        using var command = Sql.Command(connection, null, """
            SELECT v.version, v.sha256, v.created_at, v.version = p.current_version FROM policy_versions v
            LEFT JOIN policies p ON p.key_store = v.key_store WHERE v.key_store = @store ORDER BY v.version
            """, ("@store", keyStore));
        using var reader = command.ExecuteReader();
        var versions = new List<PolicyVersionInfo>();
        while (reader.Read())
        {
            versions.Add(new PolicyVersionInfo(keyStore, checked((int)reader.GetInt64(0)), reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), !reader.IsDBNull(3) && reader.GetBoolean(3)));
        }

        return versions;
    });

    /// <summary>The document of <paramref name="version"/> (default: the one in force).</summary>
    /// <exception cref="KeyManagementException">No such version, or no policy in force.</exception>
    public string Document(string keyStore, int? version = null) => _database.Read(connection =>
        Sql.Scalar<string>(connection, null, version is null
                ? "SELECT v.document FROM policies p JOIN policy_versions v ON v.key_store = p.key_store AND v.version = p.current_version WHERE p.key_store = @store"
                : "SELECT document FROM policy_versions WHERE key_store = @store AND version = @version",
            ("@store", keyStore), ("@version", version))
        ?? throw NotFound(keyStore, version));

    /// <summary>Puts stored <paramref name="version"/> back in force (a rollback, or a roll forward).</summary>
    /// <exception cref="KeyManagementException">No such version.</exception>
    public PolicyVersionInfo Activate(string keyStore, int version)
    {
        var now = _database.Now();
        return _database.Write((connection, transaction) =>
        {
            string sha256 = Sql.Scalar<string>(connection, transaction, "SELECT sha256 FROM policy_versions WHERE key_store = @store AND version = @version",
                ("@store", keyStore), ("@version", version)) ?? throw NotFound(keyStore, version);
            SetCurrent(connection, transaction, keyStore, version, now);
            return new PolicyVersionInfo(keyStore, version, sha256, now, IsCurrent: true);
        });
    }

    /// <summary>Takes the key store's policy out of force (its versions are kept); returns false when none was in force.</summary>
    public bool Remove(string keyStore) =>
        _database.Write((connection, transaction) => Sql.Execute(connection, transaction, "DELETE FROM policies WHERE key_store = @store", ("@store", keyStore)) == 1);

    private static void SetCurrent(DbConnection connection, DbTransaction transaction, string keyStore, int version, DateTimeOffset now) =>
        Sql.Execute(connection, transaction, """
            INSERT INTO policies (key_store, current_version, updated_at) VALUES (@store, @version, @now)
            ON CONFLICT (key_store) DO UPDATE SET current_version = excluded.current_version, updated_at = excluded.updated_at
            """, ("@store", keyStore), ("@version", version), ("@now", now.ToUnixTimeMilliseconds()));

    private static KeyManagementException NotFound(string keyStore, int? version) => new(version is null
        ? $"key store '{keyStore}' has no policy in force"
        : $"key store '{keyStore}' has no policy version {version}");
}
