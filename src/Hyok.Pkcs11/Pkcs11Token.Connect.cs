using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>Connecting: find the token by label or serial, log in, ensure the health key, make a pool.</summary>
public sealed partial class Pkcs11Token
{
    private void ConnectAtStart()
    {
        try
        {
            Install(Connect(_module.Generation));
        }
        catch (Pkcs11Exception e)
        {
            throw new Pkcs11StartupException($"Cannot use the token with {_options.TokenDescription} ({e.Method}: {CkrErrorMapping.NameOf(e.RV)})", e);
        }
    }

    private void Install(Pkcs11Connection connection)
    {
        Info = connection.Info;
        Volatile.Write(ref _connection, connection);
    }

    private Pkcs11Connection Connect(int moduleGeneration) => _module.Run(moduleGeneration, library =>
    {
        var (slot, info) = FindSlot(library);
        var login = slot.OpenSession(SessionType.ReadWrite);
        try
        {
            LogIn(login, info);
            Pkcs11KeyObjects.EnsureHealthKey(login);
        }
        catch
        {
            TryClose(login);
            throw;
        }

        var pool = new Pkcs11SessionPool(
            _options.SessionPoolSize,
            TimeSpan.FromMilliseconds(_options.SessionWaitTimeoutMilliseconds),
            _timeProvider,
            session => CloseSession(session, moduleGeneration));
        return new Pkcs11Connection(Interlocked.Increment(ref _connections), moduleGeneration, slot, login, pool, info);
    });

    private (ISlot Slot, Pkcs11TokenInfo Info) FindSlot(IPkcs11Library library)
    {
        var present = new List<string>();
        foreach (var slot in library.GetSlotList(SlotsType.WithTokenPresent))
        {
            var tokenInfo = slot.GetTokenInfo();
            if (!tokenInfo.TokenFlags.TokenInitialized)
            {
                continue;
            }

            var info = new Pkcs11TokenInfo(tokenInfo.ManufacturerId.Trim(), tokenInfo.Model.Trim(), tokenInfo.SerialNumber.Trim(), tokenInfo.Label.Trim());
            if (Matches(info))
            {
                return (slot, info);
            }

            present.Add($"'{info.Label}' (serial {info.SerialNumber})");
        }

        throw new Pkcs11StartupException(
            $"No token with {_options.TokenDescription} (tokens present: {(present.Count == 0 ? "none" : string.Join(", ", present))})");
    }

    private bool Matches(Pkcs11TokenInfo info) => !string.IsNullOrWhiteSpace(_options.TokenLabel)
        ? string.Equals(info.Label, _options.TokenLabel.Trim(), StringComparison.Ordinal)
        : string.Equals(info.SerialNumber, _options.TokenSerial?.Trim(), StringComparison.OrdinalIgnoreCase);

    private void LogIn(ISession session, Pkcs11TokenInfo info)
    {
        try
        {
            session.Login(CKU.CKU_USER, _pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login is per application and token: another session of this process is logged in already.
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE
            or CKR.CKR_PIN_LOCKED or CKR.CKR_PIN_EXPIRED)
        {
            throw new Pkcs11StartupException($"The PIN for token '{info.Label}' was rejected ({CkrErrorMapping.NameOf(e.RV)})", e);
        }
    }
}
