using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>
/// What the doctor tests share: a data folder (its default key store's credential), a private CA, and the arguments for an
/// endpoint named <see cref="Name"/> reached through <c>--connect 127.0.0.1:PORT</c>.
/// </summary>
internal sealed class DoctorSetup : IDisposable
{
    public const string Name = "xks.example.com";

    public DoctorSetup()
    {
        Ca = new TestCa(Data.Scratch("ca"));
        File.WriteAllText(SecretFile, Data.DefaultCredential.Secret);
    }

    public EmbeddedDataFolder Data { get; } = new();

    public TestCa Ca { get; }

    public string SecretFile => Data.Scratch("doctor.secret");

    public HyokCli Cli => Data.Cli;

    /// <summary>The arguments of a run against 127.0.0.1:<paramref name="port"/>; later options of the same name win.</summary>
    public string[] Arguments(int port, params string[] overrides)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--endpoint"] = $"https://{Name}",
            ["--prefix"] = "/keystores/default",
            ["--access-key-id"] = Data.DefaultCredential.AccessKeyId,
            ["--secret-file"] = SecretFile,
            ["--connect"] = $"127.0.0.1:{port}",
            ["--ca-file"] = Ca.CaFile,
            ["--timeout"] = "5",
        };
        for (var i = 0; i + 1 < overrides.Length; i += 2)
        {
            options[overrides[i]] = overrides[i + 1];
        }

        return [.. options.SelectMany(o => new[] { o.Key, o.Value })];
    }

    public void Dispose()
    {
        Ca.Dispose();
        Data.Dispose();
    }
}
