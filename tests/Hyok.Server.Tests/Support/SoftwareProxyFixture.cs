using Hyok.Keys;
using Hyok.Server.Configuration;

namespace Hyok.Server.Tests.Support;

/// <summary>The proxy on the embedded default backend: the sealed software key store.</summary>
public sealed class SoftwareProxyFixture : ProxyFixture
{
    public override void CreateKey(string id, string keyStore, KeyUsage usage) => Admin.CreateKey(id, keyStore, usage);

    public override void SetKeyState(string id, KeyState state)
    {
        using var admin = new SeparateAdmin(Options);
        admin.Store.SetState(id, state);
    }

    protected override void ConfigureBackend(HyokOptions options) => options.Backend.Type = "Software";
}
