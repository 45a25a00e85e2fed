namespace Hyok.Kms.CustomKeyStores;

/// <summary>The <c>ConnectionState</c> values of the API (xks-spec.md §10.3).</summary>
public static class KeyStoreConnectionStates
{
    public const string Connected = "CONNECTED";
    public const string Connecting = "CONNECTING";
    public const string Failed = "FAILED";
    public const string Disconnected = "DISCONNECTED";
    public const string Disconnecting = "DISCONNECTING";
}
