using Hyok.Cli.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok config check</c>: OK on the embedded default; every problem of a broken file reported at once.</summary>
public sealed class ConfigCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Fact]
    public async Task Check_EmbeddedDefault_IsOk()
    {
        var result = await data.Cli.RunAsync("config", "check");

        CliAssert.Succeeded(result);
        Assert.Equal($"{data.ConfigFile}: OK\n", result.Stdout);
    }

    [Fact]
    public async Task Check_ConfigWithManyMistakes_ListsEveryProblem()
    {
        var file = data.Scratch("broken.json");
        File.WriteAllText(file, """
            {
              "Hyok": {
                "Server": {
                  "Listen": [ "127.0.0.1", "0.0.0.0:8443" ],
                  "CertificateFile": "missing.crt",
                  "CertificateKeyFile": "missing.key",
                  "MaxRequestBodyBytes": 10
                },
                "Health": { "CacheSeconds": 0 },
                "Backend": { "Type": "Hsm" },
                "KeyStores": [
                  { "Name": "payments", "PathPrefix": "/keystores/payments", "Region": "EU-WEST-1" },
                  { "Name": "payments", "PathPrefix": "no-leading-slash", "Region": "us-east-1" }
                ]
              }
            }
            """);
        string[] expected =
        [
            "Hyok:Server:Listen: '127.0.0.1' is not IP:port or localhost:port.",
            $"Hyok:Server:CertificateFile: file not found: {data.Scratch("missing.crt")}",
            $"Hyok:Server:CertificateKeyFile: file not found: {data.Scratch("missing.key")}",
            "Hyok:Server:MaxRequestBodyBytes must be between 32768 and 16777216 (is 10).",
            "Hyok:Health:CacheSeconds must be between 1 and 60 (is 0).",
            "Hyok:Backend:Type 'Hsm' is not supported (supported: Software, Pkcs11).",
            "Hyok:KeyStores:0:Region 'EU-WEST-1' is not an AWS Region name such as us-east-1.",
            "Hyok:KeyStores:1:PathPrefix 'no-leading-slash' must be empty or '/'-separated segments of A-Z a-z 0-9 _ -, at most 117 characters.",
            "Hyok:KeyStores: the name 'payments' is used more than once.",
        ];

        var result = await data.Cli.RunAsync("config", "check", "--config", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal([$"{file}: {expected.Length} problem(s):", .. expected.Select(p => $"  - {p}")], result.StderrLines);
    }

    [Fact]
    public async Task Check_KeyOfAnotherCertificate_ReportsTheMismatch()
    {
        var file = data.Scratch("mismatch.json");
        SelfSignedCertificate.WritePemFiles(data.Scratch("other.crt"), data.Scratch("other.key"), TimeProvider.System, "localhost");
        File.WriteAllText(file, File.ReadAllText(data.ConfigFile).Replace("tls/server.key", data.Scratch("other.key"), StringComparison.Ordinal)
            .Replace("\"hyok.db\"", $"\"{data.Root}/hyok.db\"", StringComparison.Ordinal)
            .Replace("\"tls/server.crt\"", $"\"{data.CertificateFile}\"", StringComparison.Ordinal));

        var result = await data.Cli.RunAsync("config", "check", "--config", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            [$"{file}: 1 problem(s):", $"  - Hyok:Server:CertificateFile: the private key in {data.Scratch("other.key")} does not match the certificate in {data.CertificateFile} "
                + "(the first certificate in the file must be the server's own, followed by its intermediates)."],
            result.StderrLines);
    }

    [Theory]
    [InlineData("""{ "Hyok": { "Health": { "CacheSeconds": "ten" } } }""", "Failed to convert configuration value 'ten' at 'Hyok:Health:CacheSeconds'")]
    [InlineData("""{ "Hyok": { "Server": """, "Failed to load configuration from file")]
    public async Task Check_UnreadableConfig_IsOneClearLine(string json, string expected)
    {
        var file = data.Scratch($"unreadable-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);

        CliAssert.UserError(await data.Cli.RunAsync("config", "check", "--config", file), expected);
    }

    [Fact]
    public async Task Check_MissingFile_IsOneClearLine()
    {
        var file = data.Scratch("none.json");

        CliAssert.UserError(await data.Cli.RunAsync("config", "check", "--config", file), $"No configuration at {file}.");
    }
}
