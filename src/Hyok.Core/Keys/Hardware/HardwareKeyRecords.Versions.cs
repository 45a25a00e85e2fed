using Hyok.Keys.Software;
using Hyok.Storage;
using System.Data.Common;

namespace Hyok.Keys.Hardware;

/// <summary>
/// Version records of token keys (decision 0010). The token object of a version is made or destroyed by the caller
/// (<c>Pkcs11KeyManager</c>) first; these records then make it current or retired for running servers.
/// </summary>
public sealed partial class HardwareKeyRecords
{
    /// <summary>The number the next version of <paramref name="id"/> gets.</summary>
    /// <exception cref="KeyManagementException">No record for the id.</exception>
    public int NextVersion(string id)
    {
        RequireRecord(id);
        return database.Write((connection, transaction) => KeyVersionTable.Hardware.Next(connection, transaction, id));
    }

    /// <summary>Records <paramref name="version"/> (whose token object now exists) as the current version.</summary>
    public KeyVersionInfo AddVersion(string id, int version)
    {
        RequireRecord(id);
        var now = database.Now();
        database.Write((connection, transaction) => InsertVersion(connection, transaction, id, version, now));
        return new KeyVersionInfo(version, now, null, IsCurrent: true);
    }

    /// <summary>Every version of a key, oldest first.</summary>
    public IReadOnlyList<KeyVersionInfo> ListVersions(string id)
    {
        RequireRecord(id);
        return database.Read(connection => KeyVersionTable.Hardware.List(connection, null, id));
    }

    /// <summary>Refuses unless <paramref name="version"/> exists, is live and is not current.</summary>
    public void RequireRetirable(string id, int version) => KeyVersionTable.RequireRetirable(id, version, [.. ListVersions(id)]);

    /// <summary>Marks <paramref name="version"/> retired (its token object is gone or going); Decrypt refuses it at once.</summary>
    public KeyVersionInfo MarkRetired(string id, int version) => database.Write((connection, transaction) =>
    {
        KeyVersionTable.RequireRetirable(id, version, KeyVersionTable.Hardware.List(connection, transaction, id));
        Sql.Execute(connection, transaction, "UPDATE hardware_key_versions SET retired_at = @now WHERE key_id = @id AND version = @v",
            ("@now", database.Now().ToUnixTimeMilliseconds()), ("@id", id), ("@v", version));
        return KeyVersionTable.Hardware.List(connection, transaction, id).Single(v => v.Version == version);
    });

    /// <summary>Sets or clears the rotation schedule.</summary>
    public void SetRotationSchedule(string id, TimeSpan? every)
    {
        SoftwareKeyStore.RequireSchedule(every);
        RequireRecord(id);
        database.Write((connection, transaction) => RotationSchedule.Set(connection, transaction, "hardware_keys", id, every));
    }

    /// <summary>The rotation schedule of a key; null when it has none.</summary>
    public TimeSpan? GetRotationSchedule(string id) => database.Read(connection => RotationSchedule.Get(connection, "hardware_keys", id));

    /// <summary>The keys whose schedule is due now.</summary>
    public IReadOnlyList<string> DueKeys() =>
        database.Read(connection => RotationSchedule.Due(connection, null, "hardware_keys", KeyVersionTable.Hardware, database.Now()));

    private void RequireRecord(string id)
    {
        if (Find(id) is null)
        {
            throw new KeyManagementException($"no key with id '{id}'");
        }
    }

    private static bool InsertVersion(DbConnection connection, DbTransaction transaction, string id, int version, DateTimeOffset createdAt) =>
        Sql.Execute(connection, transaction, "INSERT INTO hardware_key_versions (key_id, version, created_at) VALUES (@id, @v, @created)",
            ("@id", id), ("@v", version), ("@created", createdAt.ToUnixTimeMilliseconds())) == 1;
}
