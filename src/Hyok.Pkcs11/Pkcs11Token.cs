using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

/// <summary>
/// A PKCS#11 token in use by Hyok: the shared module, the token found by label or serial, the login, the
/// session pool and the health key <c>hyok:health</c> (created at start when missing). When the token or the
/// module's state is lost, the token re-initialises itself (finalize, load, initialize, find the token again,
/// log in again) on a later call, at most once per <see cref="Pkcs11Options.ReconnectIntervalMilliseconds"/>.
/// </summary>
public sealed partial class Pkcs11Token : IDisposable
{
    /// <summary>The label of the dedicated health-check key; no request can reach it.</summary>
    public const string HealthKeyLabel = "hyok:health";

    private readonly Pkcs11Options _options;
    private readonly byte[] _pin;
    private readonly Pkcs11Module _module;
    private readonly TimeProvider _timeProvider;
    private Pkcs11Connection? _connection;
    private int _connections;
    private volatile bool _disposed;

    private Pkcs11Token(Pkcs11Options options, byte[] pin, Pkcs11Module module, TimeProvider timeProvider)
    {
        _options = options;
        _pin = pin;
        _module = module;
        _timeProvider = timeProvider;
        _lastModuleGeneration = module.Generation;
    }

    /// <summary>Manufacturer, model, serial and label of the token (as of the last successful connection).</summary>
    public Pkcs11TokenInfo Info { get; private set; } = new("", "", "", "");

    /// <summary>Whether operations use per-session copies of the token keys (<see cref="Pkcs11Options.SessionKeyCopies"/>).</summary>
    internal bool UsesSessionKeyCopies => _options.SessionKeyCopies;

    /// <summary>True while the token is connected and logged in.</summary>
    public bool IsAvailable => Volatile.Read(ref _connection) is not null;

    /// <summary>Why the last connection was lost or the last reconnection failed; never contains the PIN.</summary>
    public string? LastError { get; private set; }

    /// <summary>The current connection's generation (0 when disconnected): cached object handles belong to one generation.</summary>
    internal int Generation => Volatile.Read(ref _connection)?.Generation ?? 0;

    /// <summary>The current connection's pool (tests hold its sessions to exhaust it).</summary>
    internal Pkcs11SessionPool? CurrentPool => Volatile.Read(ref _connection)?.Pool;

    /// <summary>Test hook: consulted before every call; a non-null value fails the call with that CKR as if the token returned it.</summary>
    internal Func<CKR?>? FaultInjection { get; set; }

    /// <summary>
    /// Validates <paramref name="options"/>, reads the PIN, loads the module (once per process), finds the token,
    /// logs in and makes sure the health key exists.
    /// </summary>
    /// <exception cref="Pkcs11StartupException">Any of those steps failed; the message is one line for the operator.</exception>
    public static Pkcs11Token Open(Pkcs11Options options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new Pkcs11StartupException("Invalid PKCS#11 options: " + string.Join("; ", problems));
        }

        byte[] pin = options.ReadPin();
        Pkcs11Module? module = null;
        try
        {
            module = Pkcs11Module.Acquire(options.ModulePath);
            var token = new Pkcs11Token(options with { }, pin, module, timeProvider ?? TimeProvider.System);
            token.ConnectAtStart();
            return token;
        }
        catch
        {
            module?.Release();
            CryptographicOperations.ZeroMemory(pin);
            throw;
        }
    }

    /// <summary>Closes the sessions (logging out) and releases the module; the last user finalizes it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            Retire(connection);
        }

        _module.Release();
        CryptographicOperations.ZeroMemory(_pin);
    }
}
