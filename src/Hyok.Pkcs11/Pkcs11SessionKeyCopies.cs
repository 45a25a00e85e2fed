using System.Runtime.CompilerServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// Per-session copies of token keys (C_CopyObject with CKA_TOKEN=false): a session object is served from
/// the module's memory, where SoftHSM2 spends less than half the time per operation of a token object from
/// its file store (measured: about 20 µs against 40-60 µs; docs/performance.md). The copy keeps the key's
/// attributes (sensitive, non-extractable, its usages) and disappears with its session. A token that
/// refuses the copy (CKA_COPYABLE false, or no session objects) is used directly for that key.
/// Sessions are used by one operation at a time, so each session's table needs no locking.
/// </summary>
internal sealed class Pkcs11SessionKeyCopies
{
    private readonly ConditionalWeakTable<ISession, Dictionary<ulong, IObjectHandle>> _bySession = [];

    /// <summary>The handle to compute with: this session's copy of <paramref name="tokenKey"/>, made on first use.</summary>
    public IObjectHandle For(ISession session, IObjectHandle tokenKey)
    {
        var copies = _bySession.GetOrCreateValue(session);
        if (!copies.TryGetValue(tokenKey.ObjectId, out var copy))
        {
            copy = TryCopy(session, tokenKey);
            copies[tokenKey.ObjectId] = copy;
        }

        return copy;
    }

    /// <summary>Forgets this session's copies (a handle was reported invalid).</summary>
    public void Forget(ISession session) => _bySession.Remove(session);

    private static IObjectHandle TryCopy(ISession session, IObjectHandle tokenKey)
    {
        try
        {
            return session.CopyObject(tokenKey, [Pkcs11Module.Factories.ObjectAttributeFactory.Create(CKA.CKA_TOKEN, false)]);
        }
        catch (Pkcs11Exception e) when (!CkrErrorMapping.IsSessionBroken(e.RV) && !CkrErrorMapping.IsConnectionLost(e.RV))
        {
            return tokenKey;
        }
    }
}
