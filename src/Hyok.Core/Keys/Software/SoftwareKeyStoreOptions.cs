using Hyok.Storage;

namespace Hyok.Keys.Software;

/// <summary>
/// Configuration of the embedded software key store: where the database lives and where the master key
/// comes from. The master key itself is never a configuration value: it is read from
/// <see cref="MasterKeyFile"/> or from the environment variable <see cref="MasterKeyEnvironmentVariable"/>
/// (default <c>HYOK_MASTER_KEY</c> when no file is set).
/// </summary>
public sealed partial record SoftwareKeyStoreOptions
{
    /// <summary>The database file name inside a data folder.</summary>
    public const string DatabaseFileName = "hyok.db";

    /// <summary>The master key file name inside a data folder.</summary>
    public const string MasterKeyFileName = "master.key";

    /// <summary>The SQLite database file (required).</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>The master key file (Base64, one line, mode 0600). Set this or <see cref="MasterKeyEnvironmentVariable"/>.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>The environment variable holding the Base64 master key. Used when <see cref="MasterKeyFile"/> is not set.</summary>
    public string? MasterKeyEnvironmentVariable { get; set; }

    /// <summary>Options for a data folder: <c>DIR/hyok.db</c> and <c>DIR/master.key</c>.</summary>
    public static SoftwareKeyStoreOptions ForDataDirectory(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return new SoftwareKeyStoreOptions
        {
            DatabasePath = Path.Combine(dataDirectory, DatabaseFileName),
            MasterKeyFile = Path.Combine(dataDirectory, MasterKeyFileName),
        };
    }

    /// <summary>Where the master key is read from.</summary>
    public MasterKeySource GetMasterKeySource() =>
        !string.IsNullOrWhiteSpace(MasterKeyFile)
            ? MasterKeySource.FromFile(MasterKeyFile)
            : MasterKeySource.FromEnvironment(string.IsNullOrWhiteSpace(MasterKeyEnvironmentVariable)
                ? MasterKeySource.DefaultEnvironmentVariable
                : MasterKeyEnvironmentVariable);

    /// <summary>Every problem with these options at once; empty when valid. Does not read the key or open the database.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        string? database = CheckPath(nameof(DatabasePath), DatabasePath, required: true, problems);
        string? keyFile = CheckPath(nameof(MasterKeyFile), MasterKeyFile, required: false, problems);
        if (keyFile is not null && !string.IsNullOrWhiteSpace(MasterKeyEnvironmentVariable))
        {
            problems.Add($"set either {nameof(MasterKeyFile)} or {nameof(MasterKeyEnvironmentVariable)}, not both");
        }

        if (MasterKeyEnvironmentVariable is { } variable && (variable.Length == 0 || variable.Any(c => c == '=' || char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            problems.Add($"{nameof(MasterKeyEnvironmentVariable)} '{variable}' is not a valid environment variable name");
        }

        if (database is not null && keyFile is not null && string.Equals(database, keyFile, StringComparison.Ordinal))
        {
            problems.Add($"{nameof(DatabasePath)} and {nameof(MasterKeyFile)} must be different files");
        }

        return problems;
    }

    private static string? CheckPath(string name, string? path, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required)
            {
                problems.Add($"{name} is required");
            }

            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problems.Add($"{name} '{path}' is not a valid path");
            return null;
        }

        if (Directory.Exists(full))
        {
            problems.Add($"{name} '{full}' is a folder; expected a file path");
        }

        return full;
    }
}
