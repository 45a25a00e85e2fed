using Hyok.Keys;

namespace Hyok.Cli.KeyAdmin;

/// <summary>What <c>hyok keys</c> does, for whichever backend holds the keys.</summary>
internal interface IKeyAdmin : IDisposable
{
    KeyDescriptor Create(string id, string keyStore, KeyUsage usage);

    IReadOnlyList<KeyDescriptor> List(string? keyStore);

    KeyDescriptor Get(string id);

    KeyDescriptor SetState(string id, KeyState state);
}
