using Hyok.Keys;

namespace Hyok.Cli.KeyAdmin;

/// <summary>What <c>hyok keys</c> does, for whichever backend holds the keys.</summary>
internal interface IKeyAdmin : IDisposable
{
    KeyDescriptor Create(string id, string keyStore, KeyUsage usage);

    IReadOnlyList<KeyDescriptor> List(string? keyStore);

    KeyDescriptor Get(string id);

    KeyDescriptor SetState(string id, KeyState state);

    /// <summary>Makes a new version current (decision 0010).</summary>
    KeyVersionInfo Rotate(string id);

    IReadOnlyList<KeyVersionInfo> Versions(string id);

    /// <summary>Throws unless <paramref name="version"/> exists, is live and is not current.</summary>
    void RequireRetirable(string id, int version);

    /// <summary>Destroys the material of <paramref name="version"/>.</summary>
    KeyVersionInfo Retire(string id, int version);

    void SetSchedule(string id, TimeSpan? every);

    TimeSpan? GetSchedule(string id);

    /// <summary>Rotates every key whose schedule is due.</summary>
    IReadOnlyList<(string KeyId, KeyVersionInfo Version)> RotateDue();
}
