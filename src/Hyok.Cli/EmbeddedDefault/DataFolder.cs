namespace Hyok.Cli.EmbeddedDefault;

/// <summary>
/// The embedded default's data folder (<c>$HYOK_DATA</c> or <c>./hyok-data</c>) and the files in it.
/// Everything secret in it is mode 0600 and the folder itself 0700.
/// </summary>
internal sealed class DataFolder(string root)
{
    public const string DefaultKeyStoreName = "default";
    public const string DefaultPathPrefix = "/keystores/default";
    public const string DefaultRegion = "us-east-1";
    public const string DemoKeyId = "demo-key";

    public string Root { get; } = Path.GetFullPath(root);

    public string ConfigFile => Path.Combine(Root, "hyok.json");

    public string CertificateFile => Path.Combine(Root, "tls", "server.crt");

    public string CertificateKeyFile => Path.Combine(Root, "tls", "server.key");

    public string CredentialsFolder => Path.Combine(Root, "credentials");

    public static DataFolder FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("HYOK_DATA") is { Length: > 0 } folder ? folder : "hyok-data");

    /// <summary>The secret of the generated credential of a key store, for the printed curl command.</summary>
    public string SecretFile(string keyStore) => Path.Combine(CredentialsFolder, $"{keyStore}.secret");

    /// <summary>The KMS console proxy configuration file of a key store (xks-spec.md §7.4).</summary>
    public string ConsoleConfigFile(string keyStore) => Path.Combine(CredentialsFolder, $"{keyStore}-kms-console.json");
}
