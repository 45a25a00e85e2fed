using Microsoft.Extensions.Configuration;

namespace Hyok.Server.Configuration;

/// <summary>
/// Loads <see cref="HyokOptions"/> the standard .NET way: a JSON file, then environment variables
/// (<c>Hyok__Server__PingPath=/healthz</c>). Relative paths are resolved against the file's folder.
/// </summary>
public static class HyokConfiguration
{
    public const string DefaultListenAddress = "127.0.0.1:8443";

    public static HyokOptions Load(string configFile)
    {
        var fullPath = Path.GetFullPath(configFile);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Configuration file not found: {fullPath}");
        }

        var options = Bind(fullPath);
        ApplyDefaults(options);
        ResolvePaths(options, Path.GetDirectoryName(fullPath)!);
        return options;
    }

    /// <summary>Malformed JSON or a value of the wrong type (<c>"CacheSeconds": "ten"</c>) is one clear <see cref="InvalidDataException"/>.</summary>
    private static HyokOptions Bind(string fullPath)
    {
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(fullPath, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables()
                .Build();
            var options = new HyokOptions();
            configuration.GetSection(HyokOptions.SectionName).Bind(options);
            return options;
        }
        catch (InvalidDataException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"{e.Message} {e.InnerException.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"{fullPath}: {e.Message}", e);
        }
    }

    private static void ApplyDefaults(HyokOptions options)
    {
        if (options.Server.Listen.Count == 0)
        {
            options.Server.Listen.Add(DefaultListenAddress);
        }
    }

    private static void ResolvePaths(HyokOptions options, string baseDirectory)
    {
        options.Server.CertificateFile = Resolve(options.Server.CertificateFile, baseDirectory);
        options.Server.CertificateKeyFile = Resolve(options.Server.CertificateKeyFile, baseDirectory);
        options.Server.Tls.ClientCertificateAuthorityFile = Resolve(options.Server.Tls.ClientCertificateAuthorityFile, baseDirectory);
        options.Backend.DatabaseFile = Resolve(options.Backend.DatabaseFile, baseDirectory)!;
        options.Backend.MasterKeyFile = Resolve(options.Backend.MasterKeyFile, baseDirectory);
        options.Backend.Pkcs11.PinFile = Resolve(options.Backend.Pkcs11.PinFile, baseDirectory);
        options.Audit.Directory = Resolve(options.Audit.Directory, baseDirectory)!;
        options.Storage.PostgreSql.PasswordFile = Resolve(options.Storage.PostgreSql.PasswordFile, baseDirectory);
        options.Storage.PostgreSql.RootCertificateFile = Resolve(options.Storage.PostgreSql.RootCertificateFile, baseDirectory);
        foreach (var store in options.KeyStores)
        {
            store.PolicyFile = Resolve(store.PolicyFile, baseDirectory);
        }
    }

    private static string? Resolve(string? path, string baseDirectory) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, baseDirectory);
}
