using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace Hyok.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class MasterKeyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void CreateFile_NewPath_WritesMode0600AndLoadsTheSameKey()
    {
        string path = _directory.File("master.key");

        using var created = MasterKey.CreateFile(path);
        using var loaded = MasterKey.LoadFile(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.True(created.Bytes.SequenceEqual(loaded.Bytes));
        Assert.Single(File.ReadAllLines(path));
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.tmp"));
    }

    [Fact]
    public void CreateFile_ExistingFile_RefusedAndLeftUnchanged()
    {
        string path = _directory.File("master.key");
        File.WriteAllText(path, "keep me");

        var error = Assert.Throws<HyokStoreException>(() => MasterKey.CreateFile(path));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void LoadFile_Mode0644_RefusedWithPathAndChmodFix()
    {
        string path = WriteKeyFile(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<HyokStoreException>(() => MasterKey.LoadFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("0644", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {path}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite)]
    public void LoadFile_GroupOrOtherBits_Refused(UnixFileMode mode)
    {
        string path = WriteKeyFile(mode);

        Assert.Throws<HyokStoreException>(() => MasterKey.LoadFile(path));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead)]
    public void LoadFile_Mode0600OrStricter_Accepted(UnixFileMode mode)
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(MasterKey.Length);
        string path = WriteKeyFile(mode, Convert.ToBase64String(bytes) + "\n");

        using var key = MasterKey.LoadFile(path);

        Assert.True(key.Bytes.SequenceEqual(bytes));
    }

    [Fact]
    public void LoadFile_Missing_SaysNotFoundWithPath()
    {
        string path = _directory.File("absent.key");

        var error = Assert.Throws<HyokStoreException>(() => MasterKey.LoadFile(path));

        Assert.Equal($"master key file not found: {path}", error.Message);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void LoadFile_NotBase64Of32Bytes_ClearErrorWithoutContent(string content)
    {
        string path = WriteKeyFile(UnixFileMode.UserRead | UnixFileMode.UserWrite, content);

        var error = Assert.Throws<HyokStoreException>(() => MasterKey.LoadFile(path));

        Assert.Contains("does not contain Base64 of 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_Base64Of32Bytes_Loads()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(MasterKey.Length);
        string variable = NewVariable();
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(bytes));
        try
        {
            using var key = MasterKeySource.FromEnvironment(variable).Load();

            Assert.True(key.Bytes.SequenceEqual(bytes));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void FromEnvironment_WrongLength_SaysNotBase64Of32Bytes()
    {
        string variable = NewVariable();
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(new byte[16]));
        try
        {
            var error = Assert.Throws<HyokStoreException>(() => MasterKey.FromEnvironment(variable));

            Assert.Equal($"{variable} is not Base64 of 32 bytes", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void FromEnvironment_Unset_SaysNotSet()
    {
        string variable = NewVariable();

        var error = Assert.Throws<HyokStoreException>(() => MasterKey.FromEnvironment(variable));

        Assert.Contains($"environment variable {variable} is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MasterKeySource_Default_IsHyokMasterKeyVariable()
    {
        Assert.Equal("HYOK_MASTER_KEY", MasterKeySource.FromEnvironment().EnvironmentVariable);
    }

    [Fact]
    public void Dispose_Always_ZeroesBytesAndRefusesUse()
    {
        var key = MasterKey.Generate();
        byte[] field = (byte[])typeof(MasterKey).GetField("_bytes", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(key)!;
        Assert.Contains(field, b => b != 0);

        key.Dispose();

        Assert.All(field, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.Bytes.Length);
    }

    [Fact]
    public void ToString_Always_Redacted()
    {
        using var key = MasterKey.Generate();

        Assert.Equal("MasterKey(redacted)", key.ToString());
    }

    private static string NewVariable() => "HYOK_TEST_MASTER_KEY_" + Guid.NewGuid().ToString("N");

    private string WriteKeyFile(UnixFileMode mode, string? content = null)
    {
        string path = _directory.File("master.key");
        File.WriteAllText(path, content ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(MasterKey.Length)));
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
