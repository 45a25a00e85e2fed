using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Configuration;

/// <summary><c>Hyok:KeyStores:N:PolicyFile</c>: resolved like other file options, and a broken policy stops the start.</summary>
public sealed class PolicyFileOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-policy-option-").FullName;

    [Fact]
    public void Load_RelativePolicyFile_ResolvedAgainstTheConfigFilesFolder()
    {
        var file = Path.Combine(_folder, "hyok.json");
        File.WriteAllText(file, """{ "Hyok": { "KeyStores": [ { "Name": "a", "PolicyFile": "policies/a.json" }, { "Name": "b" } ] } }""");

        var options = HyokConfiguration.Load(file);

        Assert.Equal(Path.Combine(_folder, "policies", "a.json"), options.KeyStores[0].PolicyFile);
        Assert.Null(options.KeyStores[1].PolicyFile);
    }

    [Fact]
    public void Validate_ValidPolicyFile_NoProblems()
    {
        var options = Good();
        options.KeyStores[0].PolicyFile = Write("""{ "version": 1, "rules": [ { "name": "all", "effect": "allow" } ] }""");

        Assert.Empty(HyokOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_BrokenPolicyFiles_ReportEveryError()
    {
        var options = Good();
        var broken = Write("""{ "version": 2, "rules": [ { "name": "x", "effect": "permit" } ] }""");
        var missing = Path.Combine(_folder, "missing.json");
        options.KeyStores[0].PolicyFile = broken;
        options.KeyStores[1].PolicyFile = missing;

        Assert.Equal(
            [
                $"Hyok:KeyStores:0:PolicyFile: {broken}: version: must be 1 (is 2).",
                $"Hyok:KeyStores:0:PolicyFile: {broken}: rules[0] \"x\": effect: must be \"allow\" or \"deny\" (is \"permit\").",
                $"Hyok:KeyStores:1:PolicyFile: {missing}: file not found.",
            ],
            HyokOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_EmptyPolicyFileSetting_IsAProblemNotNoPolicy()
    {
        var options = Good();
        options.KeyStores[0].PolicyFile = " ";

        Assert.Equal(["Hyok:KeyStores:0:PolicyFile is empty; remove it or name a policy file."], HyokOptionsValidator.Validate(options));
    }

    private HyokOptions Good()
    {
        var options = TestConfiguration.Create(_folder);
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, TimeProvider.System, "localhost");
        return options;
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
