namespace Hyok.Storage.PostgreSql;

/// <summary>The database password: the environment variable when set, else the password file (mode 0600 or stricter).</summary>
internal static class PostgreSqlPassword
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <exception cref="HyokStoreException">No password, an unreadable or too open file, or an empty password.</exception>
    public static string Read(PostgreSqlStorageOptions options, Func<string, string?> environment)
    {
        if (environment(PostgreSqlStorageOptions.PasswordEnvironmentVariable) is { } fromEnvironment)
        {
            return fromEnvironment.Length > 0
                ? fromEnvironment
                : throw new HyokStoreException($"the environment variable {PostgreSqlStorageOptions.PasswordEnvironmentVariable} is empty");
        }

        string path = options.PasswordFile is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : throw new HyokStoreException($"no database password: set Hyok:Storage:PostgreSql:PasswordFile or the environment variable {PostgreSqlStorageOptions.PasswordEnvironmentVariable}");
        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
            {
                throw new HyokStoreException($"the database password file {path} is readable by group or others: run chmod 600 {path}");
            }

            string password = File.ReadAllText(path).TrimEnd('\r', '\n');
            return password.Length > 0 ? password : throw new HyokStoreException($"the database password file {path} is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HyokStoreException($"cannot read the database password file {path}: {e.Message}", e);
        }
    }
}
