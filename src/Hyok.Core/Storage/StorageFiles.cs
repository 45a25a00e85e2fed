namespace Hyok.Storage;

/// <summary>Creates folders and files that only the owner can read (mode 0700 / 0600 on Unix).</summary>
public static class StorageFiles
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="directory"/> (mode 0700 on Unix) unless it exists; an existing folder is left as is.</summary>
    public static void CreatePrivateDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerAll);
        }
    }

    /// <summary>Options that create a new file, failing if it exists, with mode 0600 on Unix from the first byte.</summary>
    public static FileStreamOptions NewPrivateFile(FileAccess access)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return options;
    }

    /// <summary>Writes a new secret-holding text file, mode 0600 from the first byte; fails if the file exists.</summary>
    public static void WritePrivateText(string path, string contents)
    {
        using var stream = new FileStream(path, NewPrivateFile(FileAccess.Write));
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
    }

    /// <summary>Deletes a file if possible; a failure to clean up never hides the original error.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless and named as such.
        }
    }
}
