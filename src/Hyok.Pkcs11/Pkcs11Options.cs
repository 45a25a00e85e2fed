namespace Hyok.Pkcs11;

/// <summary>
/// Configuration of the PKCS#11 key backend: which module to load, which token to use, where the user
/// PIN comes from, and how many sessions may run at once. The PIN itself is never a configuration value:
/// it is read from <see cref="PinFile"/> (mode 0600 or stricter) or the environment variable
/// <see cref="PinEnvironmentVariable"/>.
/// </summary>
public sealed partial record Pkcs11Options
{
    /// <summary>The default <see cref="SessionPoolSize"/>.</summary>
    public const int DefaultSessionPoolSize = 8;

    /// <summary>The default <see cref="SessionWaitTimeoutMilliseconds"/>: well inside KMS's 250 ms.</summary>
    public const int DefaultSessionWaitTimeoutMilliseconds = 100;

    /// <summary>The default <see cref="ReconnectIntervalMilliseconds"/>.</summary>
    public const int DefaultReconnectIntervalMilliseconds = 1000;

    /// <summary>The PKCS#11 module (shared library), e.g. <c>/usr/lib/softhsm/libsofthsm2.so</c> (required).</summary>
    public string ModulePath { get; set; } = "";

    /// <summary>The label of the token to use. Set this or <see cref="TokenSerial"/>.</summary>
    public string? TokenLabel { get; set; }

    /// <summary>The serial number of the token to use. Set this or <see cref="TokenLabel"/>.</summary>
    public string? TokenSerial { get; set; }

    /// <summary>A file holding the user PIN (one line, mode 0600 or stricter). Set this or <see cref="PinEnvironmentVariable"/>.</summary>
    public string? PinFile { get; set; }

    /// <summary>The environment variable holding the user PIN. Set this or <see cref="PinFile"/>.</summary>
    public string? PinEnvironmentVariable { get; set; }

    /// <summary>How many PKCS#11 sessions may run operations at once (1-256).</summary>
    public int SessionPoolSize { get; set; } = DefaultSessionPoolSize;

    /// <summary>How long an operation waits for a free session before it answers DependencyTimeoutException (1-200 ms).</summary>
    public int SessionWaitTimeoutMilliseconds { get; set; } = DefaultSessionWaitTimeoutMilliseconds;

    /// <summary>After the token was lost, the least time between two attempts to re-initialise the module (0-60000 ms).</summary>
    public int ReconnectIntervalMilliseconds { get; set; } = DefaultReconnectIntervalMilliseconds;

    /// <summary>
    /// Compute with per-session copies of the token keys (C_CopyObject, CKA_TOKEN=false): about twice as fast on
    /// SoftHSM2. A key deleted from the token (or whose usage attributes change) then stops working when Hyok next
    /// re-reads it (within 30 s) or its sessions end, instead of at once. Hyok's own disable is immediate either way.
    /// </summary>
    public bool SessionKeyCopies { get; set; } = true;

    /// <summary>How the token is named in messages: <c>label 'X'</c> or <c>serial 'X'</c>.</summary>
    internal string TokenDescription =>
        !string.IsNullOrWhiteSpace(TokenLabel) ? $"label '{TokenLabel}'" : $"serial '{TokenSerial}'";
}
