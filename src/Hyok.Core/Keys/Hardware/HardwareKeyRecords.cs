using Hyok.Keys.Software;
using Hyok.Storage;
using System.Data.Common;

namespace Hyok.Keys.Hardware;

/// <summary>
/// Management of Hyok's records of keys held by a hardware backend (PKCS#11): which key store a token key
/// serves and whether Hyok has it enabled. The material stays on the token; these records are the kill
/// switch that works even where the token cannot disable keys. A running server sees changes within a second.
/// </summary>
public sealed partial class HardwareKeyRecords(HyokDatabase database)
{
    /// <summary>Records a token key as serving <paramref name="keyStore"/>, enabled.</summary>
    /// <exception cref="KeyManagementException">Invalid id or key store, or a record for the id exists.</exception>
    public KeyRecord Add(string id, string keyStore)
    {
        SoftwareKeyStore.RequireKeyId(id);
        SoftwareKeyStore.RequireKeyStoreName(keyStore);
        var record = new KeyRecord(id, keyStore, KeyState.Enabled, database.Now());
        try
        {
            return database.Write((connection, transaction) =>
            {
                HardwareKeyRows.Write(connection, transaction, database.Sealer, record, insert: true);
                Sql.Execute(connection, transaction, "DELETE FROM hardware_key_versions WHERE key_id = @id", ("@id", id));
                InsertVersion(connection, transaction, id, 1, record.CreatedAt);
                return record;
            });
        }
        catch (StoreConflictException e)
        {
            throw new KeyManagementException($"a key with id '{id}' already exists", e);
        }
    }

    /// <summary>The records of <paramref name="keyStore"/>, or of all key stores, ordered by key store and id.</summary>
    public IReadOnlyList<KeyRecord> List(string? keyStore = null) => database.Read(connection =>
    {
        using var command = Sql.Command(connection, null, $"{HardwareKeyRows.Select} ORDER BY key_store, id");
        using var reader = command.ExecuteReader();
        var records = new List<KeyRecord>();
        while (reader.Read())
        {
            if (HardwareKeyRows.Read(reader, database.Sealer, problems: null) is { } record && (keyStore is null || record.KeyStore == keyStore))
            {
                records.Add(record);
            }
        }

        reader.Close();
        for (int i = 0; i < records.Count; i++)
        {
            records[i] = HardwareKeyRows.WithVersions(records[i], KeyVersionTable.Hardware.List(connection, null, records[i].Id));
        }

        return records;
    });

    /// <summary>One record, or null.</summary>
    public KeyRecord? Find(string id) => List().FirstOrDefault(r => r.Id == id);

    /// <summary>Enables or disables a token key for Hyok.</summary>
    /// <exception cref="KeyManagementException">No record for the id.</exception>
    public KeyRecord SetState(string id, KeyState state)
    {
        var record = (Find(id) ?? throw new KeyManagementException($"no key with id '{id}'")) with { State = state };
        database.Write((connection, transaction) =>
        {
            HardwareKeyRows.Write(connection, transaction, database.Sealer, record, insert: false);
            return record;
        });
        return record;
    }
}
