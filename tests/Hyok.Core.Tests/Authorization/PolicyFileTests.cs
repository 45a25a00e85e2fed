using System.Text;
using Hyok.Authorization;

namespace Hyok.Core.Tests.Authorization;

public sealed class PolicyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-policy-file-").FullName;

    [Fact]
    public void Load_ValidFileWithByteOrderMark_Parses()
    {
        var path = Path.Combine(_folder, "p.json");
        File.WriteAllText(path, """{ "version": 1, "rules": [ { "name": "all", "effect": "allow" } ] }""", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var parse = PolicyFile.Load(path);

        Assert.True(parse.IsValid, string.Join("\n", parse.Errors));
        Assert.Equal("all", Assert.Single(parse.Policy.Rules).Name);
    }

    [Fact]
    public void Load_MissingFile_IsAnError()
    {
        Assert.Equal(["file not found."], PolicyFile.Load(Path.Combine(_folder, "none.json")).Errors);
    }

    [Fact]
    public void Load_Directory_IsAnError()
    {
        Assert.Equal(["file not found."], PolicyFile.Load(_folder).Errors);
    }

    [Fact]
    public void Load_FileOverOneMebibyte_RejectedWithoutParsing()
    {
        var path = Path.Combine(_folder, "big.json");
        File.WriteAllBytes(path, new byte[PolicyFile.MaxBytes + 1]);

        Assert.Equal(["the file is 1048577 bytes; at most 1048576 bytes (1 MiB) are allowed."], PolicyFile.Load(path).Errors);
    }

    [Fact]
    public void Load_NotUtf8_IsAnError()
    {
        var path = Path.Combine(_folder, "latin1.json");
        File.WriteAllBytes(path, [.. "{ \"version\": 1, \"rules\": [ { \"name\": \""u8, 0xE9, .. "\", \"effect\": \"allow\" } ] }"u8]);

        Assert.Equal(["the policy file is not UTF-8 text."], PolicyFile.Load(path).Errors);
    }

    [Fact]
    public void Load_InvalidJson_NamesTheLine()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "{\n  \"version\": 1\n  \"rules\": []\n}");

        var error = Assert.Single(PolicyFile.Load(path).Errors);

        Assert.StartsWith("invalid JSON at line 3, ", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
