using Hyok.Server.Configuration;

namespace Hyok.Server.Tests.Configuration;

public sealed class HyokConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-config-").FullName;

    [Fact]
    public void Load_RelativePaths_ResolvedAgainstTheFilesFolder()
    {
        var file = Write("""{ "Hyok": { "Server": { "CertificateFile": "tls/c.pem" }, "Backend": { "DatabaseFile": "db/h.db" } } }""");

        var options = HyokConfiguration.Load(file);

        Assert.Equal(Path.Combine(_folder, "tls", "c.pem"), options.Server.CertificateFile);
        Assert.Equal(Path.Combine(_folder, "db", "h.db"), options.Backend.DatabaseFile);
        Assert.Equal(Path.Combine(_folder, "master.key"), options.Backend.MasterKeyFile);
    }

    [Fact]
    public void Load_NoListenAddress_DefaultsToLoopback8443()
    {
        var options = HyokConfiguration.Load(Write("""{ "Hyok": { } }"""));

        Assert.Equal([HyokConfiguration.DefaultListenAddress], options.Server.Listen);
    }

    [Fact]
    public void Load_KeyStoresAndLimits_AreBound()
    {
        var options = HyokConfiguration.Load(Write("""
            { "Hyok": { "Limits": { "MaxPlaintextBytes": 5000 }, "Health": { "FleetSize": 4 },
              "KeyStores": [ { "Name": "a", "PathPrefix": "/a", "Region": "eu-west-1" }, { "Name": "b" } ] } }
            """));

        Assert.Equal(5000, options.Limits.MaxPlaintextBytes);
        Assert.Equal(4, options.Health.FleetSize);
        Assert.Equal(["a", "b"], options.KeyStores.Select(s => s.Name));
        Assert.Equal("eu-west-1", options.KeyStores[0].Region);
        Assert.Equal("us-east-1", options.KeyStores[1].Region);
    }

    [Fact]
    public void Load_MissingFile_IsClearError()
    {
        var error = Assert.Throws<FileNotFoundException>(() => HyokConfiguration.Load(Path.Combine(_folder, "nope.json")));

        Assert.Contains("nope.json", error.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
