using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// A kill switch: requests for <see cref="Value"/> (a key id, key store name, principal ARN or service) are refused
/// until it is removed or, when <see cref="Until"/> is set, until that moment passes.
/// </summary>
/// <param name="Id">The database id; stable for the life of the block (<c>hyok unblock --id</c>).</param>
/// <param name="Kind">What is blocked.</param>
/// <param name="Value">Compared ordinally and exactly with the request's fact of that kind.</param>
/// <param name="CreatedAt">When the block was first set.</param>
/// <param name="Until">When the block expires by itself; null for never.</param>
/// <param name="Reason">The operator's note; for listings only, never sent to KMS.</param>
public sealed record Block(long Id, BlockKind Kind, string Value, DateTimeOffset CreatedAt, DateTimeOffset? Until, string? Reason)
{
    /// <summary>
    /// The error a blocked request gets (xks-spec.md §6.2): a blocked key or key store is
    /// <c>InvalidStateException</c> ("external key or key store disabled, deactivated or blocked"); a blocked principal
    /// or service is <c>AccessDeniedException</c> (authorization on request metadata).
    /// </summary>
    public XksErrorCode ErrorCode => Kind is BlockKind.Key or BlockKind.KeyStore
        ? XksErrorCode.InvalidStateException
        : XksErrorCode.AccessDeniedException;

    /// <summary>True when the block applies at <paramref name="now"/>: it has no end, or its end is still to come.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Until is not { } until || now < until;

    /// <summary>The audit decision text, e.g. <c>block 3 key k1</c> or <c>block 4 principal arn:aws:iam::111122223333:role/app</c>.</summary>
    public string Describe() => $"block {Id} {BlockKinds.Text(Kind)} {Value}";
}
