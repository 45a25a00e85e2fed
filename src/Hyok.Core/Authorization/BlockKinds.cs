namespace Hyok.Authorization;

/// <summary>
/// The words of <see cref="BlockKind"/>: stored in the database and typed at the CLI (<c>hyok block key-store NAME</c>).
/// Explicit, so renumbering the enum never changes data.
/// </summary>
public static class BlockKinds
{
    /// <summary>Every word, in check order.</summary>
    public static IReadOnlyList<string> Words { get; } = ["key-store", "key", "principal", "service"];

    public static string Text(BlockKind kind) => kind switch
    {
        BlockKind.Key => "key",
        BlockKind.KeyStore => "key-store",
        BlockKind.Principal => "principal",
        BlockKind.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A block is on a key, a key store, a principal or a service."),
    };

    public static BlockKind? Parse(string? text) => text switch
    {
        "key" => BlockKind.Key,
        "key-store" => BlockKind.KeyStore,
        "principal" => BlockKind.Principal,
        "service" => BlockKind.Service,
        _ => null,
    };
}
