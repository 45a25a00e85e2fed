using Hyok.Cli.KeyAdmin;
using Hyok.Cli.Tests.Support;
using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Keys.Software;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// What <c>hyok keys rotate|retire --backend pkcs11</c> do (<see cref="Pkcs11KeyAdmin"/>), against a proxy serving a real
/// SoftHSM2 token: the new version reaches the running server, old ciphertexts decrypt until their version is retired.
/// </summary>
public sealed class Pkcs11KeyRotationLiveTests
{
    [Fact]
    public async Task RotateRetire_TokenKeyWhileServing_NewVersionUsedOldFailsCleanlyOnceRetired()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data, options =>
        {
            options.Backend.Type = BackendOptions.Pkcs11Type;
            options.Backend.Pkcs11 = SoftHsm.Shared.Main.Options(poolSize: 2, waitMilliseconds: 200);
        });
        var id = $"rot-hsm-{Guid.NewGuid():N}"[..20];
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);

        // Not disposed: the key admin would close the token the running server uses.
        var keys = new Pkcs11KeyAdmin(proxy.Runtime.Token!, new HardwareKeyRecords(proxy.Runtime.Database), TimeProvider.System);
        keys.Create(id, "default", KeyUsage.EncryptDecrypt);
        var old = await LiveCalls.UntilAsync(client, $"keys/{id}/encrypt", LiveCalls.EncryptBody(), 200, null);
        Assert.Equal("AgE=", old["ciphertextMetadata"]!.GetValue<string>());

        Assert.Equal(2, keys.Rotate(id).Version);
        await LiveCalls.UntilAsync(client, $"keys/{id}/encrypt", LiveCalls.EncryptBody(), 200, null, r => r["ciphertextMetadata"]!.GetValue<string>() == "AgI=");
        await LiveCalls.UntilAsync(client, $"keys/{id}/decrypt", () => LiveCalls.Bytes(KeyRotationLiveTests.DecryptBody(old)), 200, null);
        Assert.Throws<KeyManagementException>(() => keys.RequireRetirable(id, 2));

        keys.Retire(id, 1);

        await LiveCalls.UntilAsync(client, $"keys/{id}/decrypt", () => LiveCalls.Bytes(KeyRotationLiveTests.DecryptBody(old)), 400, "InvalidCiphertextException");
        Assert.Equal(["RETIRED", "CURRENT"], keys.Versions(id).Select(v => v.RetiredAt is not null ? "RETIRED" : v.IsCurrent ? "CURRENT" : "LIVE"));
        Assert.Equal(KeyUsage.EncryptDecrypt, Assert.Single(keys.List("default"), k => k.Id == id).Usage);
    }
}
