using Hyok.Keys.Software;
using Hyok.Pkcs11;

namespace Hyok.Server.Configuration;

/// <summary>Which key backend holds the keys (<c>Hyok:Backend</c>).</summary>
public sealed class BackendOptions
{
    public const string Software = "Software";
    public const string Pkcs11Type = "Pkcs11";

    /// <summary><c>Software</c>: the sealed software key store (embedded default); <c>Pkcs11</c>: keys on a PKCS#11 token.</summary>
    public string Type { get; set; } = Software;

    /// <summary>The PKCS#11 module, token and PIN source (<c>Hyok:Backend:Pkcs11</c>), used when <see cref="Type"/> is <c>Pkcs11</c>.</summary>
    public Pkcs11Options Pkcs11 { get; set; } = new();

    /// <summary>True when the keys live on a PKCS#11 token.</summary>
    public bool IsPkcs11 => string.Equals(Type, Pkcs11Type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The state database: software keys, hardware key records and SigV4 credentials, sealed under the master key.</summary>
    public string DatabaseFile { get; set; } = SoftwareKeyStoreOptions.DatabaseFileName;

    /// <summary>File holding the Base64 master key (mode 0600). Used when the environment variable is not set.</summary>
    public string? MasterKeyFile { get; set; } = SoftwareKeyStoreOptions.MasterKeyFileName;

    /// <summary>Environment variable holding the Base64 master key; takes precedence over the file when set.</summary>
    public string MasterKeyEnvironmentVariable { get; set; } = "HYOK_MASTER_KEY";
}
