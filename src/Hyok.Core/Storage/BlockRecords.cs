using Hyok.Authorization;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Management of kill switches (<c>hyok block</c>, <c>hyok unblock</c>, <c>hyok blocks</c>): every change goes straight
/// to the database, and a running server's <see cref="HyokStoreWatcher"/> picks it up within a second.
/// Refused requests throw <see cref="Keys.Software.KeyManagementException"/>; database failures <see cref="HyokStoreException"/>.
/// </summary>
public sealed partial class BlockRecords
{
    private readonly HyokDatabase _database;

    /// <summary>Manages the blocks of <paramref name="database"/> (which the caller keeps owning).</summary>
    public BlockRecords(HyokDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>
    /// Blocks <paramref name="value"/> of <paramref name="kind"/> until <paramref name="until"/> (null: until unblocked).
    /// When that target is blocked already, its end and reason are replaced (<c>Updated</c> is then true) and its
    /// id and creation time kept.
    /// </summary>
    /// <exception cref="Keys.Software.KeyManagementException">An invalid value or reason, or an end that is not in the future.</exception>
    public (Block Block, bool Updated) Set(BlockKind kind, string value, DateTimeOffset? until = null, string? reason = null)
    {
        var now = _database.Now();
        Validate(kind, value, until, reason, now);
        long? untilMs = until?.ToUnixTimeMilliseconds();
        return _database.Write((connection, transaction) =>
        {
            if (Find(connection, transaction, kind, value) is { } existing)
            {
                Sql.Execute(connection, transaction, "UPDATE blocks SET until = @until, reason = @reason WHERE id = @id",
                    ("@until", untilMs), ("@reason", reason), ("@id", existing.Id));
                return (existing with { Until = Stored(untilMs), Reason = reason }, true);
            }

            long id = Sql.Scalar<long>(connection, transaction,
                "INSERT INTO blocks (kind, value, created_at, until, reason) VALUES (@kind, @value, @created, @until, @reason) RETURNING id",
                ("@kind", BlockKinds.Text(kind)), ("@value", value), ("@created", now.ToUnixTimeMilliseconds()), ("@until", untilMs), ("@reason", reason));
            return (new Block(id, kind, value, now, Stored(untilMs), reason), false);
        });
    }

    /// <summary>Every block, expired ones included, by id.</summary>
    public IReadOnlyList<Block> List() => _database.Read(connection =>
    {
        using var command = Sql.Command(connection, null, $"{BlockRows.Select} ORDER BY id");
        return BlockRows.ReadMany(command, problems: null);
    });

    /// <summary>Removes the block on <paramref name="value"/> of <paramref name="kind"/>; returns it, or null when there was none.</summary>
    public Block? Remove(BlockKind kind, string value) => _database.Write((connection, transaction) =>
        Delete(connection, transaction, Find(connection, transaction, kind, value)));

    /// <summary>Removes the block with <paramref name="id"/>; returns it, or null when there was none.</summary>
    public Block? Remove(long id) => _database.Write((connection, transaction) =>
    {
        using var command = Sql.Command(connection, transaction, $"{BlockRows.Select} WHERE id = @id", ("@id", id));
        return Delete(connection, transaction, BlockRows.ReadMany(command, problems: null).SingleOrDefault());
    });

    private static Block? Find(DbConnection connection, DbTransaction transaction, BlockKind kind, string value)
    {
        using var command = Sql.Command(connection, transaction, $"{BlockRows.Select} WHERE kind = @kind AND value = @value",
            ("@kind", BlockKinds.Text(kind)), ("@value", value));
        return BlockRows.ReadMany(command, problems: null).SingleOrDefault();
    }

    private static Block? Delete(DbConnection connection, DbTransaction transaction, Block? block)
    {
        if (block is not null)
        {
            Sql.Execute(connection, transaction, "DELETE FROM blocks WHERE id = @id", ("@id", block.Id));
        }

        return block;
    }

    private static DateTimeOffset? Stored(long? unixMilliseconds) =>
        unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
