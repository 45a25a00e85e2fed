using Hyok.Keys;
using Hyok.Operations;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Operations;

public sealed class EncryptOperationTests
{
    private readonly FakeKeyBackend _backend = new();

    [Fact]
    public async Task Execute_VerificationDecryptDiffers_IsInternalErrorAndNoIntegrityValue()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);
        _backend.CorruptDecrypt = true;

        var result = await Create(TimeSpan.FromSeconds(5)).ExecuteAsync(_backend["k"], Command(cdiv: true), default);

        Assert.Equal(XksErrorCode.InternalException, result.Error?.Code);
    }

    [Fact]
    public async Task Execute_WithoutIntegrityValue_SkipsVerificationDecrypt()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);
        _backend.CorruptDecrypt = true;

        var result = await Create(TimeSpan.FromSeconds(5)).ExecuteAsync(_backend["k"], Command(cdiv: false), default);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.CiphertextDataIntegrityValue);
    }

    [Fact]
    public async Task Execute_BackendSlowerThanDeadline_IsDependencyTimeout()
    {
        _backend.Add("k", "s", KeyUsage.EncryptDecrypt);
        _backend.CallDelay = TimeSpan.FromSeconds(30);

        var result = await Create(TimeSpan.FromMilliseconds(50)).ExecuteAsync(_backend["k"], Command(cdiv: false), default);

        Assert.Equal(XksErrorCode.DependencyTimeoutException, result.Error?.Code);
    }

    [Fact]
    public async Task Execute_EncryptOnlyKeyWithIntegrityValue_IsInvalidKeyUsage()
    {
        _backend.Add("k", "s", KeyUsage.Encrypt);

        var result = await Create(TimeSpan.FromSeconds(5)).ExecuteAsync(_backend["k"], Command(cdiv: true), default);

        Assert.Equal(XksErrorCode.InvalidKeyUsageException, result.Error?.Code);
    }

    private EncryptOperation Create(TimeSpan timeout) => new(_backend, new BackendDeadline(timeout, TimeProvider.System));

    private static EncryptCommand Command(bool cdiv) => new(new RequestMetadata(), [1, 2, 3], [], cdiv);
}
