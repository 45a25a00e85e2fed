using System.Collections.Frozen;
using Hyok.Keys;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>The <c>hardware_keys</c> table: Hyok's sealed record of each key a hardware backend serves.</summary>
internal static class HardwareKeyRows
{
    public const string Select = "SELECT id, key_store, state, created_at, seal FROM hardware_keys";

    public static void Write(DbConnection connection, DbTransaction transaction, Sealer sealer, KeyRecord record, bool insert)
    {
        var state = KeyColumns.StateText(record.State);
        var created = record.CreatedAt.ToUnixTimeMilliseconds();
        var seal = sealer.Seal([], SealContexts.HardwareKey(record.KeyStore, record.Id, state, created));
        Sql.Execute(connection, transaction, insert
                ? "INSERT INTO hardware_keys (id, key_store, state, created_at, seal) VALUES (@id, @store, @state, @created, @seal)"
                : "UPDATE hardware_keys SET state = @state, seal = @seal WHERE id = @id AND key_store = @store AND created_at = @created",
            ("@id", record.Id), ("@store", record.KeyStore), ("@state", state), ("@created", created), ("@seal", seal));
    }

    /// <summary>Reads one row; null (and a problem) when its seal does not match, i.e. the row was edited.</summary>
    public static KeyRecord? Read(DbDataReader reader, Sealer sealer, List<string>? problems)
    {
        var (id, keyStore, stateText, created) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
        var state = KeyColumns.ParseState(stateText);
        if (state is null || !sealer.TryUnseal((byte[])reader.GetValue(4), SealContexts.HardwareKey(keyStore, id, stateText, created), out _))
        {
            problems?.Add($"hardware key record '{id}' in key store '{keyStore}' does not match its seal (the row was modified) and is unavailable");
            return null;
        }

        return new KeyRecord(id, keyStore, state.Value, DateTimeOffset.FromUnixTimeMilliseconds(created));
    }

    public static FrozenDictionary<string, KeyRecord> ReadAll(DbConnection connection, DbTransaction transaction, Sealer sealer, List<string> problems)
    {
        var records = new Dictionary<string, KeyRecord>(StringComparer.Ordinal);
        using (var command = Sql.Command(connection, transaction, Select))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (Read(reader, sealer, problems) is { } record)
                {
                    records[record.Id] = record;
                }
            }
        }

        foreach (var id in records.Keys.ToList())
        {
            records[id] = WithVersions(records[id], KeyVersionTable.Hardware.List(connection, transaction, id));
        }

        return records.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The record with its current and retired versions; a key without version rows has version 1 only.</summary>
    public static KeyRecord WithVersions(KeyRecord record, List<KeyVersionInfo> versions) => versions.Count == 0 ? record : record with
    {
        CurrentVersion = versions.Where(v => v.IsCurrent).Select(v => v.Version).DefaultIfEmpty(versions.Max(v => v.Version)).First(),
        RetiredVersions = [.. versions.Where(v => v.RetiredAt is not null).Select(v => v.Version)],
    };
}
