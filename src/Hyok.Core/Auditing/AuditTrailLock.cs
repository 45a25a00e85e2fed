using Hyok.Storage;

namespace Hyok.Auditing;

/// <summary>
/// One writer per audit folder: two processes appending to the same trail would fork the chain. Holds
/// <c>.writer.lock</c> open exclusively (an advisory lock on Unix) for the writer's lifetime.
/// </summary>
internal static class AuditTrailLock
{
    public const string FileName = ".writer.lock";

    /// <exception cref="IOException">Another writer holds the folder.</exception>
    public static FileStream Acquire(string directory)
    {
        StorageFiles.CreatePrivateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new FileStream(path, options);
        }
        catch (IOException e)
        {
            throw new IOException($"another process is writing this audit trail ({FileName} is locked)", e);
        }
    }
}
