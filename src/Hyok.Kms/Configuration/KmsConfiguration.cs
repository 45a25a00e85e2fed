using Microsoft.Extensions.Configuration;

namespace Hyok.Kms.Configuration;

/// <summary>
/// Loads <see cref="KmsOptions"/>: the <c>Hyok:Kms</c> section of a JSON file, then environment variables
/// (<c>Hyok__Kms__Region=eu-west-1</c>). Without a file: defaults and environment, paths in <paramref name="dataFolder"/>.
/// </summary>
public static class KmsConfiguration
{
    public static KmsOptions Load(string? configFile, string dataFolder)
    {
        var builder = new ConfigurationBuilder();
        string baseDirectory = Path.GetFullPath(dataFolder);
        if (configFile is not null)
        {
            string fullPath = Path.GetFullPath(configFile);
            if (!File.Exists(fullPath))
            {
                throw new FileNotFoundException($"Configuration file not found: {fullPath}");
            }

            builder.AddJsonFile(fullPath, optional: false, reloadOnChange: false);
            baseDirectory = Path.GetDirectoryName(fullPath)!;
        }

        var options = new KmsOptions();
        try
        {
            builder.AddEnvironmentVariables().Build().GetSection(KmsOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"{configFile}: {e.Message}", e);
        }

        options.DatabaseFile = Resolve(options.DatabaseFile, baseDirectory)!;
        options.MasterKeyFile = Resolve(options.MasterKeyFile, baseDirectory);
        options.CredentialsFile = Resolve(options.CredentialsFile, baseDirectory);
        options.CertificateFile = Resolve(options.CertificateFile, baseDirectory);
        options.CertificateKeyFile = Resolve(options.CertificateKeyFile, baseDirectory);
        options.XksCaBundleFile = Resolve(options.XksCaBundleFile, baseDirectory);
        options.XksClientCertificateFile = Resolve(options.XksClientCertificateFile, baseDirectory);
        options.XksClientCertificateKeyFile = Resolve(options.XksClientCertificateKeyFile, baseDirectory);
        return options;
    }

    private static string? Resolve(string? path, string baseDirectory) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path, baseDirectory);
}
