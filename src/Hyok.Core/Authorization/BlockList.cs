using System.Collections.Frozen;
using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// An immutable set of kill switches with one ordinal dictionary per <see cref="BlockKind"/>, so a request is
/// checked in at most four lookups whatever the number of blocks. Expiry is judged against the time the caller
/// passes: a block whose <see cref="Block.Until"/> has passed stops matching with no change to the list.
/// </summary>
public sealed class BlockList
{
    private readonly FrozenDictionary<string, Block>[] _byKind;

    /// <summary>
    /// Indexes <paramref name="blocks"/>. Two blocks on the same kind and value (the database never holds such)
    /// keep the one that lasts longer, so a duplicate never weakens a block.
    /// </summary>
    public BlockList(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var maps = Enum.GetValues<BlockKind>().Select(_ => new Dictionary<string, Block>(StringComparer.Ordinal)).ToArray();
        foreach (var block in blocks)
        {
            ArgumentNullException.ThrowIfNull(block, nameof(blocks));
            if (!Enum.IsDefined(block.Kind))
            {
                throw new ArgumentOutOfRangeException(nameof(blocks), block.Kind, "A block is on a key, a key store, a principal or a service.");
            }

            var map = maps[(int)block.Kind];
            if (!map.TryGetValue(block.Value, out var existing) || LastsLonger(block, existing))
            {
                map[block.Value] = block;
            }
        }

        _byKind = maps.Select(m => m.ToFrozenDictionary(StringComparer.Ordinal)).ToArray();
        All = [.. _byKind.SelectMany(m => m.Values).OrderBy(b => b.Id)];
    }

    /// <summary>No blocks.</summary>
    public static BlockList Empty { get; } = new([]);

    /// <summary>Every block, expired ones included, by id.</summary>
    public IReadOnlyList<Block> All { get; }

    /// <summary>
    /// The block that refuses the request described by <paramref name="facts"/> at <paramref name="now"/>, or null.
    /// Checked in this order, the first active match deciding: key store, key, principal, service. GetHealthStatus
    /// (no key, no principal) is refused only by a key store block.
    /// </summary>
    public Block? Find(RequestFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (All.Count == 0)
        {
            return null;
        }

        var store = Find(BlockKind.KeyStore, facts.KeyStore, now);
        if (store is not null || facts.Operation == XksOperationKind.GetHealthStatus)
        {
            return store;
        }

        return Find(BlockKind.Key, facts.ExternalKeyId, now)
            ?? Find(BlockKind.Principal, facts.AwsPrincipalArn, now)
            ?? Find(BlockKind.Service, facts.KmsViaService, now);
    }

    /// <summary>The block of <paramref name="kind"/> on exactly <paramref name="value"/> active at <paramref name="now"/>, or null.</summary>
    public Block? Find(BlockKind kind, string? value, DateTimeOffset now) =>
        value is not null && (uint)kind < (uint)_byKind.Length && _byKind[(int)kind].TryGetValue(value, out var block) && block.IsActiveAt(now) ? block : null;

    private static bool LastsLonger(Block candidate, Block existing) =>
        existing.Until is { } existingUntil && (candidate.Until is not { } candidateUntil || candidateUntil > existingUntil);
}
