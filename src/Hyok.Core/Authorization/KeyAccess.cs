using Hyok.KeyStores;
using Hyok.Keys;
using Hyok.Operations;
using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// Steps 5 and 6 of xks-spec.md §6.3 for one request, with the kill switches first: a block answers at once
/// (400 InvalidState or 403 AccessDenied) without asking the key backend anything, so an emergency stop works
/// even while the HSM hangs; then find the key (404 KeyNotFound), then the store's policy (403 AccessDenied).
/// Key state and usage come after.
/// </summary>
public sealed class KeyAccess(KeyResolver keys, IAccessGate gate)
{
    public async ValueTask<KeyAccessResult> OpenAsync(
        LogicalKeyStore store, XksOperationKind operation, string keyId, RequestMetadata metadata, CancellationToken cancellationToken)
    {
        var facts = new RequestFacts(store.Name, operation, keyId, metadata);
        if (gate.CheckBlocks(facts) is { Error: { } blocked } block)
        {
            return new KeyAccessResult(blocked, block.Decision);
        }

        var key = await keys.ResolveAsync(store, keyId, cancellationToken).ConfigureAwait(false);
        if (!key.IsSuccess)
        {
            return new KeyAccessResult(key, null);
        }

        var verdict = gate.CheckPolicy(facts);
        return verdict.Error is { } refused
            ? new KeyAccessResult(refused, verdict.Decision)
            : new KeyAccessResult(key, verdict.Decision);
    }

    /// <summary>GetHealthStatus: only a block of the whole key store applies; policies never do (xks-spec.md §7.6).</summary>
    public AccessVerdict CheckHealth(LogicalKeyStore store, RequestMetadata metadata) =>
        gate.CheckBlocks(new RequestFacts(store.Name, XksOperationKind.GetHealthStatus, null, metadata));
}
