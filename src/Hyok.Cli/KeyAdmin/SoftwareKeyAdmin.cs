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

    public void Dispose()
    {
    }
}
