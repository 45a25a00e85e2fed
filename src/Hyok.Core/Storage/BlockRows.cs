using Hyok.Authorization;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// The <c>blocks</c> table: kill switches. Not sealed: a block holds no secret, and anyone able to write the
/// database could as well delete a sealed row; the CHECK on <c>kind</c> and UNIQUE (kind, value) keep rows well formed.
/// </summary>
internal static class BlockRows
{
    public const string Select = "SELECT id, kind, value, created_at, until, reason FROM blocks";

    /// <summary>One row; null (and a problem) when its kind is unknown.</summary>
    public static Block? Read(DbDataReader reader, List<string>? problems)
    {
        long id = reader.GetInt64(0);
        string kindText = reader.GetString(1);
        if (BlockKinds.Parse(kindText) is not { } kind)
        {
            problems?.Add($"block {id} has an unknown kind and is ignored");
            return null;
        }

        return new Block(
            id,
            kind,
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public static List<Block> ReadMany(DbCommand command, List<string>? problems)
    {
        var blocks = new List<Block>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (Read(reader, problems) is { } block)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    public static BlockList ReadAll(DbConnection connection, DbTransaction transaction, List<string> problems)
    {
        using var command = Sql.Command(connection, transaction, $"{Select} ORDER BY id");
        return new BlockList(ReadMany(command, problems));
    }
}
