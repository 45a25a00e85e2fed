using System.Runtime.Versioning;
using Hyok.Storage;

namespace Hyok.Keys.Software;

[UnsupportedOSPlatform("windows")]
public sealed class SoftwareKeyStoreOptionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblemAtOnce()
    {
        var options = new SoftwareKeyStoreOptions
        {
            DatabasePath = "",
            MasterKeyFile = _directory.Path,
            MasterKeyEnvironmentVariable = "BAD=NAME",
        };

        var problems = options.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("DatabasePath is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is a folder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not a valid environment variable name", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SameFileForDatabaseAndKey_Refused()
    {
        var options = new SoftwareKeyStoreOptions { DatabasePath = _directory.File("x"), MasterKeyFile = _directory.File("x") };

        Assert.Contains(options.Validate(), p => p.Contains("must be different files", StringComparison.Ordinal));
    }

    [Fact]
    public void ForDataDirectory_Always_ValidWithFileSource()
    {
        var options = SoftwareKeyStoreOptions.ForDataDirectory(_directory.Path);

        Assert.Empty(options.Validate());
        Assert.Equal(_directory.File("hyok.db"), options.DatabasePath);
        Assert.Equal(_directory.File("master.key"), options.GetMasterKeySource().FilePath);
    }

    [Fact]
    public void GetMasterKeySource_NoFile_DefaultEnvironmentVariable()
    {
        var options = new SoftwareKeyStoreOptions { DatabasePath = _directory.File("hyok.db") };

        Assert.Equal("HYOK_MASTER_KEY", options.GetMasterKeySource().EnvironmentVariable);
    }

    [Fact]
    public void OpenDatabase_FirstRunWithCreate_MakesKeyFile0600AndReopens()
    {
        var options = SoftwareKeyStoreOptions.ForDataDirectory(Path.Combine(_directory.Path, "data"));

        string instanceId;
        using (var database = options.OpenDatabase(createIfMissing: true))
        {
            instanceId = database.InstanceId;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.MasterKeyFile!));
        using var reopened = options.OpenDatabase();
        Assert.Equal(instanceId, reopened.InstanceId);
    }

    [Fact]
    public void OpenDatabase_ExistingDatabaseButKeyFileMissing_NeverGeneratesANewKey()
    {
        var options = SoftwareKeyStoreOptions.ForDataDirectory(_directory.Path);
        options.OpenDatabase(createIfMissing: true).Dispose();
        File.Delete(options.MasterKeyFile!);

        var error = Assert.Throws<HyokStoreException>(() => options.OpenDatabase(createIfMissing: true));

        Assert.Equal($"master key file not found: {options.MasterKeyFile}", error.Message);
        Assert.False(File.Exists(options.MasterKeyFile));
    }

    [Fact]
    public void OpenDatabase_WithoutCreateAndNothingThere_Refused()
    {
        var options = SoftwareKeyStoreOptions.ForDataDirectory(_directory.Path);

        Assert.Throws<HyokStoreException>(() => options.OpenDatabase());
        Assert.False(File.Exists(options.DatabasePath));
    }

    [Fact]
    public void OpenDatabase_InvalidOptions_ThrowsListingProblems()
    {
        var error = Assert.Throws<HyokStoreException>(() => new SoftwareKeyStoreOptions().OpenDatabase());

        Assert.Contains("DatabasePath is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenDatabase_EnvironmentVariableKey_OpensAndWrongKeyRefused()
    {
        string variable = "HYOK_TEST_MASTER_KEY_" + Guid.NewGuid().ToString("N");
        var options = new SoftwareKeyStoreOptions { DatabasePath = _directory.File("hyok.db"), MasterKeyEnvironmentVariable = variable };
        try
        {
            Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            options.OpenDatabase(createIfMissing: true).Dispose();
            options.OpenDatabase().Dispose();

            Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            var error = Assert.Throws<HyokStoreException>(() => options.OpenDatabase());
            Assert.StartsWith("The master key does not match the key store at", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
