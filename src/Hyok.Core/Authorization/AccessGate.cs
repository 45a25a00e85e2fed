using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// Kill switches (the key owner's emergency stop, decided on the request alone, before the key backend is asked
/// anything), then, once the key is found, the key store's secondary-authorization policy (xks-spec.md §7.6). A block answers InvalidStateException (key, key store) or AccessDeniedException (principal,
/// service); a policy deny answers AccessDeniedException unless the policy runs in dry-run mode, where the would-be
/// decision is only recorded. GetHealthStatus is subject to key-store blocks only, never to a policy.
/// </summary>
public sealed class AccessGate(IBlockSource blocks, IPolicySource policies, TimeProvider timeProvider) : IAccessGate
{
    private static readonly XksError PolicyDenied = new(XksErrorCode.AccessDeniedException, "The request was denied by the key owner's authorization policy.");
    private static readonly XksError BlockedKey = new(XksErrorCode.InvalidStateException, "The key or key store is blocked by the key owner.");
    private static readonly XksError BlockedCaller = new(XksErrorCode.AccessDeniedException, "The caller is blocked by the key owner.");

    public AccessVerdict CheckBlocks(RequestFacts facts) =>
        blocks.Current.Find(facts, timeProvider.GetUtcNow()) is { } block
            ? new AccessVerdict(block.ErrorCode == XksErrorCode.InvalidStateException ? BlockedKey : BlockedCaller, block.Describe())
            : AccessVerdict.Unrestricted;

    public AccessVerdict CheckPolicy(RequestFacts facts)
    {
        if (facts.Operation == XksOperationKind.GetHealthStatus || policies.PolicyOf(facts.KeyStore) is not { } policy)
        {
            return AccessVerdict.Unrestricted;
        }

        var decision = policy.Evaluate(facts);
        return new AccessVerdict(decision.Blocks ? PolicyDenied : null, decision.Describe());
    }
}
