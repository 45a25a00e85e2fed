using System.Text.Json;
using System.Text.Json.Nodes;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Server.Tls;
using Hyok.Storage;

namespace Hyok.Cli.EmbeddedDefault;

/// <summary>
/// Creates the embedded default on first run: configuration, master key, sealed store, a self-signed
/// certificate for localhost, the <c>default</c> key store with one credential, and the demo key.
/// Later runs find <c>hyok.json</c> and reuse everything.
/// </summary>
internal static class EmbeddedSetup
{
    public static bool EnsureCreated(DataFolder folder, TimeProvider timeProvider)
    {
        if (File.Exists(folder.ConfigFile))
        {
            return false;
        }

        StorageFiles.CreatePrivateDirectory(folder.Root);
        StorageFiles.CreatePrivateDirectory(Path.GetDirectoryName(folder.CertificateFile)!);
        StorageFiles.CreatePrivateDirectory(folder.CredentialsFolder);
        if (!File.Exists(folder.CertificateFile))
        {
            SelfSignedCertificate.WritePemFiles(folder.CertificateFile, folder.CertificateKeyFile, timeProvider, "localhost");
        }

        var backend = new BackendOptions
        {
            DatabaseFile = Path.Combine(folder.Root, SoftwareKeyStoreOptions.DatabaseFileName),
            MasterKeyFile = Path.Combine(folder.Root, SoftwareKeyStoreOptions.MasterKeyFileName),
        };
        using (var database = BackendRuntime.OpenDatabase(backend, timeProvider, createIfMissing: true))
        {
            var store = new SoftwareKeyStore(database);
            var credential = store.AddCredential(DataFolder.DefaultKeyStoreName);
            WriteCredentialFiles(folder, credential);
            store.CreateKey(DataFolder.DemoKeyId, DataFolder.DefaultKeyStoreName, KeyUsage.EncryptDecrypt);
        }

        // Written last: its presence means the data folder is complete.
        File.WriteAllText(folder.ConfigFile, DefaultConfiguration());
        return true;
    }

    private static void WriteCredentialFiles(DataFolder folder, IssuedCredential credential)
    {
        StorageFiles.WritePrivateText(folder.SecretFile(credential.KeyStore), credential.Secret);
        var console = new JsonObject
        {
            ["XksProxyUriPath"] = DataFolder.DefaultPathPrefix + "/kms/xks/v1",
            ["XksProxyAuthenticationCredential"] = new JsonObject
            {
                ["AccessKeyId"] = credential.AccessKeyId,
                ["RawSecretAccessKey"] = credential.Secret,
            },
        };
        StorageFiles.WritePrivateText(folder.ConsoleConfigFile(credential.KeyStore), console.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static string DefaultConfiguration() => $$"""
        {
          "Hyok": {
            "Server": {
              "Listen": [ "{{HyokConfiguration.DefaultListenAddress}}" ],
              "CertificateFile": "tls/server.crt",
              "CertificateKeyFile": "tls/server.key"
            },
            "Backend": {
              "Type": "Software",
              "DatabaseFile": "{{SoftwareKeyStoreOptions.DatabaseFileName}}",
              "MasterKeyFile": "{{SoftwareKeyStoreOptions.MasterKeyFileName}}"
            },
            "KeyStores": [
              { "Name": "{{DataFolder.DefaultKeyStoreName}}", "PathPrefix": "{{DataFolder.DefaultPathPrefix}}", "Region": "{{DataFolder.DefaultRegion}}" }
            ]
          }
        }

        """;
}
