using System.Text.Json.Nodes;
using Hyok.Cli.EmbeddedDefault;

namespace Hyok.Cli.Tests.Support;

/// <summary>
/// A fresh embedded default (what the first <c>hyok serve</c> creates) in a temp folder, made by the CLI's own
/// setup code; deleted on dispose.
/// </summary>
public sealed class EmbeddedDataFolder : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("hyok-cli-tests-").FullName;
    private readonly DataFolder _folder;

    public EmbeddedDataFolder()
    {
        _folder = new DataFolder(Path.Combine(_parent, "hyok-data"));
        EmbeddedSetup.EnsureCreated(_folder, TimeProvider.System);
        Cli = new HyokCli(Root);
    }

    public string Root => _folder.Root;

    public string ConfigFile => _folder.ConfigFile;

    public string MasterKeyFile => Path.Combine(Root, "master.key");

    public string CertificateFile => _folder.CertificateFile;

    public string CertificateKeyFile => _folder.CertificateKeyFile;

    /// <summary>Runs <c>hyok</c> on this data folder.</summary>
    public HyokCli Cli { get; }

    /// <summary>The credential the setup generated for the <c>default</c> key store, from the KMS console file.</summary>
    public (string AccessKeyId, string Secret) DefaultCredential
    {
        get
        {
            var console = JsonNode.Parse(File.ReadAllText(_folder.ConsoleConfigFile(DataFolder.DefaultKeyStoreName)))!["XksProxyAuthenticationCredential"]!;
            return (console["AccessKeyId"]!.GetValue<string>(), console["RawSecretAccessKey"]!.GetValue<string>());
        }
    }

    /// <summary>Adds a logical key store to <c>hyok.json</c> unless one of that name is configured already.</summary>
    public void EnsureKeyStore(string name, string pathPrefix, string region)
    {
        var config = JsonNode.Parse(File.ReadAllText(ConfigFile))!;
        var stores = config["Hyok"]!["KeyStores"]!.AsArray();
        if (stores.All(s => s!["Name"]!.GetValue<string>() != name))
        {
            stores.Add(new JsonObject { ["Name"] = name, ["PathPrefix"] = pathPrefix, ["Region"] = region });
            File.WriteAllText(ConfigFile, config.ToJsonString());
        }
    }

    /// <summary>A path inside the parent of the data folder, for extra test files.</summary>
    public string Scratch(string name) => Path.Combine(_parent, name);

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
