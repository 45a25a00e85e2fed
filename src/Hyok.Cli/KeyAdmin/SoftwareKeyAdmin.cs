using Hyok.Keys;
using Hyok.Keys.Software;

namespace Hyok.Cli.KeyAdmin;

/// <summary>Keys of the sealed software store: material generated and sealed in the database.</summary>
internal sealed class SoftwareKeyAdmin(SoftwareKeyStore store) : IKeyAdmin
{
    public KeyDescriptor Create(string id, string keyStore, KeyUsage usage) => store.CreateKey(id, keyStore, usage);

    public IReadOnlyList<KeyDescriptor> List(string? keyStore) => store.ListKeys(keyStore);

    public KeyDescriptor Get(string id) => store.GetKey(id);

    public KeyDescriptor SetState(string id, KeyState state) => store.SetState(id, state);

    public KeyVersionInfo Rotate(string id) => store.RotateKey(id);

    public IReadOnlyList<KeyVersionInfo> Versions(string id) => store.ListVersions(id);

    public void RequireRetirable(string id, int version) => store.RequireRetirable(id, version);

    public KeyVersionInfo Retire(string id, int version) => store.RetireVersion(id, version);

    public void SetSchedule(string id, TimeSpan? every) => store.SetRotationSchedule(id, every);

    public TimeSpan? GetSchedule(string id) => store.GetRotationSchedule(id);

    public IReadOnlyList<(string KeyId, KeyVersionInfo Version)> RotateDue() => store.RotateDueKeys();

    public void Dispose()
    {
    }
}
