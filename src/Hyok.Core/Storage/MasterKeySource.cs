namespace Hyok.Storage;

/// <summary>
/// Where the master key comes from: a file (Base64, one line, mode 0600) or an environment variable
/// (Base64; <see cref="DefaultEnvironmentVariable"/> by default). Secrets never come from configuration values.
/// </summary>
public sealed class MasterKeySource
{
    /// <summary>The environment variable used when nothing else is configured.</summary>
    public const string DefaultEnvironmentVariable = "HYOK_MASTER_KEY";

    private MasterKeySource(string? filePath, string? environmentVariable)
    {
        FilePath = filePath;
        EnvironmentVariable = environmentVariable;
    }

    /// <summary>The master key file, or null when the key comes from the environment.</summary>
    public string? FilePath { get; }

    /// <summary>The environment variable, or null when the key comes from a file.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>The key is read from <paramref name="path"/>.</summary>
    public static MasterKeySource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new MasterKeySource(path, null);
    }

    /// <summary>The key is read from the environment variable <paramref name="variableName"/>.</summary>
    public static MasterKeySource FromEnvironment(string variableName = DefaultEnvironmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        return new MasterKeySource(null, variableName);
    }

    /// <summary>Loads the key.</summary>
    /// <exception cref="HyokStoreException">With a message that names the file or variable and the problem.</exception>
    public MasterKey Load() =>
        FilePath is not null ? MasterKey.LoadFile(FilePath) : MasterKey.FromEnvironment(EnvironmentVariable!);

    /// <summary>For messages: "file PATH" or "environment variable NAME".</summary>
    public override string ToString() =>
        FilePath is not null ? $"file {FilePath}" : $"environment variable {EnvironmentVariable}";
}
