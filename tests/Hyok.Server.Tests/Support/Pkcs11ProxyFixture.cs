using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Pkcs11;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Testing;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// The proxy on the PKCS#11 backend, with keys on a real SoftHSM2 token of this test process
/// (<see cref="SoftHsm"/>; a missing SoftHSM2 fails the tests, it never skips them).
/// </summary>
public class Pkcs11ProxyFixture : ProxyFixture
{
    public override void CreateKey(string id, string keyStore, KeyUsage usage)
    {
        new Pkcs11KeyManager(Runtime.Token!).CreateKeyAsync(id, usage, CancellationToken.None).GetAwaiter().GetResult();
        new HardwareKeyRecords(Runtime.Database).Add(id, keyStore);
    }

    public override void SetKeyState(string id, KeyState state)
    {
        using var database = BackendRuntime.OpenDatabase(Options.Backend, TimeProvider.System, storage: Options.Storage);
        new HardwareKeyRecords(database).SetState(id, state);
    }

    /// <summary>The SoftHSM2 token whose keys this fixture serves.</summary>
    protected virtual SoftHsmToken Token => SoftHsm.Shared.Main;

    protected override void ConfigureBackend(HyokOptions options)
    {
        options.Backend.Type = BackendOptions.Pkcs11Type;
        options.Backend.Pkcs11 = Token.Options(poolSize: 8, waitMilliseconds: 200, reconnectMilliseconds: 1000);
    }
}
