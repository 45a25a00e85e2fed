using Hyok.Cli.EmbeddedDefault;
using Hyok.Keys.Software;
using Hyok.Kms.Configuration;
using Hyok.Kms.Hosting;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Storage;

namespace Hyok.Cli.Demo;

/// <summary>
/// What <c>hyok demo</c> tells the user: an environment file for the aws CLI (<c>demo/aws-env.sh</c>, mode 0600, the only
/// place the demo's secrets are written) and the commands of the flow, which read everything from that file.
/// </summary>
internal sealed class DemoGuide
{
    private readonly Dictionary<string, string> _environment;

    private DemoGuide(string environmentFile, Dictionary<string, string> environment)
    {
        EnvironmentFile = environmentFile;
        _environment = environment;
    }

    public string EnvironmentFile { get; }

    public static DemoGuide Create(DataFolder embedded, KeyStoreOptions store, Uri proxyAddress, KmsEmulator emulator, Uri kmsAddress, BackendRuntime runtime)
    {
        var caller = emulator.Credentials.All.First();
        var xksCredential = new SoftwareKeyStore(runtime.Database).ListCredentials(store.Name) is { Count: > 0 } credentials
            ? credentials[0]
            : throw new Commands.CliException($"Key store '{store.Name}' has no credential: hyok credentials add --key-store {store.Name}");
        string xksSecret = File.ReadAllText(embedded.SecretFile(store.Name)).Trim();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = caller.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = caller.SecretAccessKey,
            ["AWS_DEFAULT_REGION"] = emulator.Options.Region,
            ["AWS_PAGER"] = string.Empty,
            ["HYOK_KMS_URL"] = $"http://{kmsAddress.Host}:{kmsAddress.Port}",
            ["HYOK_XKS_ENDPOINT"] = $"https://localhost:{proxyAddress.Port}",
            ["HYOK_XKS_PATH"] = store.PathPrefix + "/kms/xks/v1",
            ["HYOK_XKS_ACCESS_KEY_ID"] = xksCredential.AccessKeyId,
            ["HYOK_XKS_SECRET"] = xksSecret,
            ["HYOK_XKS_KEY_ID"] = DataFolder.DemoKeyId,
            ["HYOK_KEY_STORE"] = store.Name,
            ["HYOK_DATA"] = embedded.Root,
        };
        return new DemoGuide(Path.Combine(embedded.Root, "demo", "aws-env.sh"), environment);
    }

    /// <summary>A health call through the emulator's XKS client with the demo's settings (<see cref="DemoWarmUp"/>).</summary>
    public Task WarmUpAsync(KmsOptions kms, CancellationToken cancellationToken) => DemoWarmUp.RunAsync(
        kms, _environment["HYOK_XKS_ENDPOINT"], _environment["HYOK_XKS_PATH"], _environment["HYOK_XKS_ACCESS_KEY_ID"], _environment["HYOK_XKS_SECRET"],
        cancellationToken);

    public void WriteEnvironmentFile()
    {
        StorageFiles.CreatePrivateDirectory(Path.GetDirectoryName(EnvironmentFile)!);
        var lines = new List<string> { "# Written by `hyok demo`: the aws CLI settings of the demo. Holds demo secrets (mode 0600)." };
        lines.AddRange(_environment.Select(pair => $"export {pair.Key}='{pair.Value}'"));
        lines.Add($"hyok() {{ {ThisCommand()} \"$@\"; }}");
        StorageFiles.WritePrivateText(EnvironmentFile, string.Join('\n', lines) + "\n");
    }

    /// <summary>How to start this very build: <c>dotnet hyok.dll</c>, or the published executable.</summary>
    private static string ThisCommand()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? $"'{host}' '{Path.Combine(AppContext.BaseDirectory, "hyok.dll")}'" : $"'{host}'";
    }

    public void Print()
    {
        Console.WriteLine($"Hyok demo: the XKS proxy is on {_environment["HYOK_XKS_ENDPOINT"]}{_environment["HYOK_XKS_PATH"]}, "
            + $"the KMS emulator on {_environment["HYOK_KMS_URL"]}");
        Console.WriteLine($"In another shell, run the hold-your-own-key flow with the aws CLI (settings in {EnvironmentFile}):");
        Console.WriteLine();
        foreach (string line in DemoSteps.Lines(EnvironmentFile))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine("Press Ctrl+C to stop both.");
    }
}
