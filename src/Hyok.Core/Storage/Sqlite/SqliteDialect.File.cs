namespace Hyok.Storage.Sqlite;

/// <summary>Creating the database file: private from its first byte.</summary>
internal sealed partial class SqliteDialect
{
    /// <summary>Creates an empty database file with mode 0600 (SQLite gives its -wal and -shm files the same mode).</summary>
    /// <exception cref="HyokStoreException">The file is missing and may not, or cannot, be created.</exception>
    public static void CreateFileIfMissing(string fullPath, bool createIfMissing)
    {
        if (File.Exists(fullPath))
        {
            return;
        }

        if (!createIfMissing)
        {
            throw new HyokStoreException($"key store database not found: {fullPath}");
        }

        try
        {
            StorageFiles.CreatePrivateDirectory(Path.GetDirectoryName(fullPath)!);
            new FileStream(fullPath, StorageFiles.NewPrivateFile(FileAccess.Write)).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!File.Exists(fullPath))
            {
                throw new HyokStoreException($"cannot create the key store database {fullPath}: {e.Message}", e);
            }
        }
    }
}
