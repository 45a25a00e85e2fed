using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Scheduled rotation (decision 0010): <c>rotate_every</c> (milliseconds, null = none) on <c>keys</c> / <c>hardware_keys</c>.
/// A key is due when its newest version is at least that old. <c>hyok keys rotate-due</c> (run from a timer) rotates them.
/// </summary>
internal static class RotationSchedule
{
    /// <summary>The shortest schedule accepted: rotating more often only multiplies versions.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromDays(1);

    /// <summary>Sets or clears the schedule; false when the key does not exist.</summary>
    public static bool Set(DbConnection connection, DbTransaction transaction, string keysTable, string id, TimeSpan? every) =>
        Sql.Execute(connection, transaction, $"UPDATE {keysTable} SET rotate_every = @every WHERE id = @id",
            ("@every", every is { } e ? (long)e.TotalMilliseconds : null), ("@id", id)) == 1;

    /// <summary>The schedule of a key, null when it has none.</summary>
    public static TimeSpan? Get(DbConnection connection, string keysTable, string id) =>
        Sql.Scalar<long?>(connection, null, $"SELECT rotate_every FROM {keysTable} WHERE id = @id", ("@id", id)) is { } ms
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    /// <summary>The ids of keys due at <paramref name="now"/>, ordered.</summary>
    public static List<string> Due(DbConnection connection, DbTransaction? transaction, string keysTable, KeyVersionTable versions, DateTimeOffset now)
    {
        using var command = Sql.Command(connection, transaction, $"""
            SELECT k.id FROM {keysTable} k WHERE k.rotate_every IS NOT NULL
            AND (SELECT max(v.created_at) FROM {versions.Name} v WHERE v.key_id = k.id) + k.rotate_every <= @now ORDER BY k.id
            """, ("@now", now.ToUnixTimeMilliseconds()));
        using var reader = command.ExecuteReader();
        var due = new List<string>();
        while (reader.Read())
        {
            due.Add(reader.GetString(0));
        }

        return due;
    }
}
