using Hyok.Core.Tests.Operations;
using Hyok.KeyStores;
using Hyok.Keys;
using Hyok.Operations;
using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// The order of xks-spec.md §6.3 steps 5–6 with the kill switch first: a block answers without the key backend
/// (an emergency stop must work while the HSM hangs), an unknown key is 404 before any policy, then the policy.
/// </summary>
public sealed class KeyAccessTests
{
    private static readonly LogicalKeyStore Store = new("s", "/s", "us-east-1");
    private readonly FakeKeyBackend _backend = new();

    [Fact]
    public async Task Open_BlockedKeyWhileBackendHangs_IsInvalidStateAtOnce()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);
        _backend.CallDelay = TimeSpan.FromSeconds(30);

        var opened = await Access(new Block(1, BlockKind.Key, "k", DateTimeOffset.UnixEpoch, null, null)).OpenAsync(Store, XksOperationKind.Encrypt, "k", new RequestMetadata(), default);

        Assert.Equal(XksErrorCode.InvalidStateException, opened.Key.Error?.Code);
        Assert.Equal("block 1 key k", opened.Decision);
    }

    [Fact]
    public async Task Open_UnknownKeyUnderDenyAllPolicy_IsKeyNotFoundWithoutDecision()
    {
        var opened = await Access(policy: """{ "version": 1, "rules": [] }""").OpenAsync(Store, XksOperationKind.Encrypt, "missing", new RequestMetadata(), default);

        Assert.Equal(XksErrorCode.KeyNotFoundException, opened.Key.Error?.Code);
        Assert.Null(opened.Decision);
    }

    [Fact]
    public async Task Open_KnownKeyUnderDenyAllPolicy_IsAccessDenied()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);

        var opened = await Access(policy: """{ "version": 1, "rules": [] }""").OpenAsync(Store, XksOperationKind.Encrypt, "k", new RequestMetadata(), default);

        Assert.Equal(XksErrorCode.AccessDeniedException, opened.Key.Error?.Code);
        Assert.Equal("policy deny (no rule matched)", opened.Decision);
    }

    [Fact]
    public void CheckHealth_UnderDenyAllPolicy_IsUnrestricted()
    {
        var verdict = Access(policy: """{ "version": 1, "rules": [] }""").CheckHealth(Store, new RequestMetadata());

        Assert.Same(AccessVerdict.Unrestricted, verdict);
    }

    private KeyAccess Access(Block? block = null, string? policy = null)
    {
        var deadline = new BackendDeadline(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        var blocks = new FixedBlocks(new BlockList(block is null ? [] : [block]));
        var policies = new FixedPolicy(policy is null ? null : Policy.Parse(policy).Policy);
        return new KeyAccess(new KeyResolver(_backend, deadline), new AccessGate(blocks, policies, TimeProvider.System));
    }

    private sealed class FixedBlocks(BlockList list) : IBlockSource
    {
        public BlockList Current => list;
    }

    private sealed class FixedPolicy(Policy? policy) : IPolicySource
    {
        public Policy? PolicyOf(string keyStore) => policy;
    }
}
