namespace Hyok.Pkcs11;

public sealed partial class Pkcs11Token
{
    /// <summary>The configured size of the session pool (<see cref="Pkcs11Options.SessionPoolSize"/>).</summary>
    public int SessionPoolSize => _options.SessionPoolSize;

    /// <summary>Sessions leased by operations now (0 while disconnected): pool saturation is this over <see cref="SessionPoolSize"/>.</summary>
    public int SessionsInUse => CurrentPool?.InUse ?? 0;
}
