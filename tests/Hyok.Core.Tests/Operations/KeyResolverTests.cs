using Hyok.KeyStores;
using Hyok.Keys;
using Hyok.Operations;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Operations;

public sealed class KeyResolverTests
{
    private static readonly LogicalKeyStore Store = new("s", "/s", "us-east-1");
    private readonly FakeKeyBackend _backend = new();

    [Fact]
    public async Task Resolve_KeyOfAnotherStore_IsKeyNotFound()
    {
        _backend.Add("k", "other", KeyUsage.EncryptDecrypt);

        var result = await Create(TimeSpan.FromSeconds(5)).ResolveAsync(Store, "k", default);

        Assert.Equal(XksErrorCode.KeyNotFoundException, result.Error?.Code);
    }

    [Fact]
    public async Task Resolve_KeyOfThisStore_IsFound()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);

        var result = await Create(TimeSpan.FromSeconds(5)).ResolveAsync(Store, "k", default);

        Assert.Equal("k", result.Value?.Id);
    }

    [Fact]
    public async Task Resolve_LookupSlowerThanDeadline_IsDependencyTimeout()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);
        _backend.CallDelay = TimeSpan.FromSeconds(30);

        var result = await Create(TimeSpan.FromMilliseconds(50)).ResolveAsync(Store, "k", default);

        Assert.Equal(XksErrorCode.DependencyTimeoutException, result.Error?.Code);
    }

    private KeyResolver Create(TimeSpan timeout) => new(_backend, new BackendDeadline(timeout, TimeProvider.System));
}
