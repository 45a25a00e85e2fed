using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// One logged-in use of the token on one load of the module: the slot, the session that keeps the login
/// alive (PKCS#11 logs out when an application's last session closes) and the pool operations borrow from.
/// <see cref="Generation"/> is new for every connection, so object handles cached under it die with it.
/// </summary>
internal sealed class Pkcs11Connection(int generation, int moduleGeneration, ISlot slot, ISession loginSession, Pkcs11SessionPool pool, Pkcs11TokenInfo info)
{
    public int Generation => generation;

    public int ModuleGeneration => moduleGeneration;

    public ISlot Slot => slot;

    public ISession LoginSession => loginSession;

    public Pkcs11SessionPool Pool => pool;

    public Pkcs11TokenInfo Info => info;
}
