using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>One slot of a <see cref="Pkcs11SessionPool"/>, held by one operation; disposing gives it back.</summary>
internal sealed class Pkcs11SessionLease(Pkcs11SessionPool pool, ISession? session) : IDisposable
{
    private bool _broken;
    private bool _returned;

    /// <summary>The leased session, when one is open.</summary>
    public ISession? Session { get; private set; } = session;

    /// <summary>The leased session, opened with <paramref name="open"/> when the slot had none.</summary>
    public ISession Acquire(Func<ISession> open) => Session ??= open();

    /// <summary>The session failed in a way that makes it unusable: it is closed instead of kept.</summary>
    public void MarkBroken() => _broken = true;

    public void Dispose()
    {
        if (!_returned)
        {
            _returned = true;
            pool.Return(Session, _broken);
        }
    }
}
