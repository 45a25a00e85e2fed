using System.Data.Common;
using Hyok.Storage;

namespace Hyok.Keys.Software;

/// <summary>Key versions (decision 0010): rotate, list, retire. A running server picks each change up within a second.</summary>
public sealed partial class SoftwareKeyStore
{
    /// <summary>Makes a new version with fresh random material the current one; older versions stay live for Decrypt.</summary>
    /// <exception cref="KeyManagementException">The id is invalid or unknown.</exception>
    public KeyVersionInfo RotateKey(string id)
    {
        RequireKeyId(id);
        return Write((connection, transaction) => Rotate(connection, transaction, FindKey(connection, transaction, id) ?? throw UnknownKey(id)));
    }

    /// <summary>Every version of a key, oldest first, retired ones included.</summary>
    /// <exception cref="KeyManagementException">The id is invalid or unknown.</exception>
    public IReadOnlyList<KeyVersionInfo> ListVersions(string id)
    {
        RequireKeyId(id);
        var versions = Read(connection => KeyVersionTable.Software.List(connection, null, id));
        return versions.Count > 0 ? versions : throw UnknownKey(id);
    }

    /// <summary>Refuses unless <paramref name="version"/> exists, is live and is not the current one.</summary>
    /// <exception cref="KeyManagementException">Unknown key or version, already retired, or the current version.</exception>
    public void RequireRetirable(string id, int version) => KeyVersionTable.RequireRetirable(id, version, [.. ListVersions(id)]);

    /// <summary>
    /// Destroys the material of <paramref name="version"/>: its row's sealed material is overwritten (SQLite
    /// <c>secure_delete</c>; PostgreSQL: set to NULL and vacuumed) and the WAL checkpointed. Ciphertexts of that version can never be decrypted again.
    /// </summary>
    /// <exception cref="KeyManagementException">Unknown key or version, already retired, or the current version.</exception>
    public KeyVersionInfo RetireVersion(string id, int version)
    {
        RequireKeyId(id);
        var retired = Write((connection, transaction) =>
        {
            KeyVersionTable.RequireRetirable(id, version, KeyVersionTable.Software.List(connection, transaction, id));
            _database.Dialect.OverwriteMaterial(connection, transaction, id, version);
            Sql.Execute(connection, transaction, "UPDATE key_versions SET material = NULL, retired_at = @now WHERE key_id = @id AND version = @v",
                ("@id", id), ("@v", version), ("@now", Now().ToUnixTimeMilliseconds()));
            return KeyVersionTable.Software.List(connection, transaction, id).Single(v => v.Version == version);
        });
        _database.Compact();
        return retired;
    }

    /// <summary>Sets (or, with null, clears) the rotation schedule of a key; <c>hyok keys rotate-due</c> acts on it.</summary>
    /// <exception cref="KeyManagementException">Unknown key, or a schedule shorter than a day.</exception>
    public void SetRotationSchedule(string id, TimeSpan? every)
    {
        RequireKeyId(id);
        RequireSchedule(every);
        if (!Write((connection, transaction) => RotationSchedule.Set(connection, transaction, "keys", id, every)))
        {
            throw UnknownKey(id);
        }
    }

    /// <summary>The rotation schedule of a key; null when it has none.</summary>
    public TimeSpan? GetRotationSchedule(string id) => Read(connection => RotationSchedule.Get(connection, "keys", id));

    /// <summary>Rotates every key whose schedule is due, in one transaction (two runs at once cannot both rotate a key).</summary>
    public IReadOnlyList<(string KeyId, KeyVersionInfo Version)> RotateDueKeys() => Write((connection, transaction) =>
        RotationSchedule.Due(connection, transaction, "keys", KeyVersionTable.Software, Now())
            .Select(id => (id, Rotate(connection, transaction, FindKey(connection, transaction, id)!)))
            .ToList());

    internal static void RequireSchedule(TimeSpan? every)
    {
        if (every is { } e && e < RotationSchedule.Minimum)
        {
            throw new KeyManagementException("a rotation schedule must be at least one day");
        }
    }

    private KeyVersionInfo Rotate(DbConnection connection, DbTransaction transaction, KeyDescriptor key)
    {
        int next = KeyVersionTable.Software.Next(connection, transaction, key.Id);
        var now = Now();
        KeyRows.InsertVersion(connection, transaction, _database.Sealer, key.KeyStore, key.Id, next, now);
        return new KeyVersionInfo(next, now, null, IsCurrent: true);
    }
}
