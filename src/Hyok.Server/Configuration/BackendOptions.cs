namespace Hyok.Server.Configuration;

/// <summary>Which key backend holds the keys (<c>Hyok:Backend</c>).</summary>
public sealed class BackendOptions
{
    /// <summary><c>Software</c>: the sealed software key store (embedded default). More backends come later.</summary>
    public string Type { get; set; } = "Software";

    /// <summary>The state database: software keys and SigV4 credentials, sealed under the master key.</summary>
    public string DatabaseFile { get; set; } = "hyok.db";

    /// <summary>File holding the Base64 master key (mode 0600). Used when the environment variable is not set.</summary>
    public string? MasterKeyFile { get; set; } = "master.key";

    /// <summary>Environment variable holding the Base64 master key; takes precedence over the file when set.</summary>
    public string MasterKeyEnvironmentVariable { get; set; } = "HYOK_MASTER_KEY";
}
