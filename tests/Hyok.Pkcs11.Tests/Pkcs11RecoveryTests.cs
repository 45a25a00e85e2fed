using Hyok.Testing;
using Hyok.Keys;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;
using Microsoft.Extensions.Time.Testing;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

/// <summary>
/// Token loss and return. SoftHSM cannot unplug a token, but moving the token's folder out of tokendir while the
/// module runs is close: its objects vanish at once (the token still answers, empty: the backend notices the
/// missing health key), and after the re-initialisation (C_Finalize, reload, C_Initialize) the token is not
/// present at all until the folder is back. Device errors (CKR_DEVICE_REMOVED...) are injected.
/// </summary>
public sealed class Pkcs11RecoveryTests(MainTokenFixture main) : IClassFixture<MainTokenFixture>
{
    private const string KeyId = "removable-key";
    private static readonly byte[] Aad = [0, 0, 0];
    private static readonly SoftHsmToken Removable = SoftHsm.Shared.Removable;

    [Fact]
    public async Task TokenRemovedAndRestored_ErrorsWhileGone_RecoversByItself()
    {
        using var token = Pkcs11Token.Open(Removable.Options(reconnectMilliseconds: 0, sessionKeyCopies: false));
        var backend = await BackendWithKeyAsync(token, TimeProvider.System);
        var before = (await backend.EncryptAsync(KeyId, 1, "kept"u8.ToArray(), Aad, default)).Value!;

        var restore = Removable.Remove();
        var whileGone = new[]
        {
            (await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default)).Error?.Code,
            (await backend.DecryptAsync(KeyId, 1, before, Aad, default)).Error?.Code,
            (await backend.FindKeyAsync(KeyId, default)).Error?.Code,
        };
        bool probeWhileGone = await backend.ProbeAsync(default);
        string? errorWhileGone = token.LastError;
        restore();

        Assert.All(whileGone, code => Assert.Equal(XksErrorCode.InternalException, code));
        Assert.False(probeWhileGone);
        Assert.StartsWith($"No token with label '{Removable.Label}'", errorWhileGone, StringComparison.Ordinal);
        var after = await Eventually.SucceedsAsync(async () => await backend.DecryptAsync(KeyId, 1, before, Aad, default));
        Assert.True(after.IsSuccess, after.Error?.ToString() + " " + token.LastError);
        Assert.Equal("kept"u8.ToArray(), after.Value);
        Assert.True(await backend.ProbeAsync(default));
        Assert.True(token.IsAvailable);
        var other = await Eventually.SucceedsAsync(async () => await main.Backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, Aad, default));
        Assert.True(other.IsSuccess, "other tokens of the module recover after the reload");
    }

    [Theory]
    [InlineData(CKR.CKR_DEVICE_REMOVED)]
    [InlineData(CKR.CKR_DEVICE_ERROR)]
    [InlineData(CKR.CKR_TOKEN_NOT_PRESENT)]
    [InlineData(CKR.CKR_SESSION_HANDLE_INVALID)]
    [InlineData(CKR.CKR_CRYPTOKI_NOT_INITIALIZED)]
    public async Task DeviceError_ReinitialisesModule_NextCallSucceeds(CKR fault)
    {
        using var token = Pkcs11Token.Open(Removable.Options(reconnectMilliseconds: 0, sessionKeyCopies: false));
        var backend = await BackendWithKeyAsync(token, TimeProvider.System);
        int generation = token.Generation;
        token.FaultInjection = () => fault;

        var failed = await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default);
        token.FaultInjection = null;
        var next = await Eventually.SucceedsAsync(async () => await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default));

        Assert.Equal(XksErrorCode.InternalException, failed.Error?.Code);
        Assert.True(next.IsSuccess, next.Error?.ToString() + " " + token.LastError);
        Assert.NotEqual(generation, token.Generation);
    }

    [Fact]
    public async Task TokenGone_ReconnectAttemptsSpacedByInterval()
    {
        var time = new FakeTimeProvider();
        using var token = Pkcs11Token.Open(Removable.Options(reconnectMilliseconds: 1000, sessionKeyCopies: false), time);
        var backend = await BackendWithKeyAsync(token, time);

        var restore = Removable.Remove();
        Assert.Equal(XksErrorCode.InternalException, (await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default)).Error?.Code);
        Assert.Equal(XksErrorCode.InternalException, (await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default)).Error?.Code);
        restore();
        var tooEarly = await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default);
        time.Advance(TimeSpan.FromSeconds(1));
        var later = await backend.EncryptAsync(KeyId, 1, new byte[] { 1 }, Aad, default);

        Assert.Equal(XksErrorCode.InternalException, tooEarly.Error?.Code);
        Assert.True(later.IsSuccess, later.Error?.ToString() + " " + token.LastError);
    }

    private static async Task<Pkcs11KeyBackend> BackendWithKeyAsync(Pkcs11Token token, TimeProvider time)
    {
        var manager = new Pkcs11KeyManager(token);
        if (!(await manager.ListKeysAsync(default)).Any(k => k.Label == KeyId))
        {
            await manager.CreateKeyAsync(KeyId, KeyUsage.EncryptDecrypt, default);
        }

        var directory = new FakeKeyDirectory();
        directory.Add(KeyId);
        return new Pkcs11KeyBackend(token, directory, time);
    }
}
