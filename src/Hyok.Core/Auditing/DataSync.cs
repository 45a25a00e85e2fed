using System.Runtime.InteropServices;

namespace Hyok.Auditing;

/// <summary>
/// Makes written bytes durable. On Linux <c>fdatasync(2)</c>: the data and the metadata needed to read it back
/// (the file size) reach the disk, without the mtime-only inode writes of <c>fsync(2)</c>, which is all an
/// append-only trail needs (POSIX). Elsewhere <see cref="FileStream.Flush(bool)"/> with <c>flushToDisk</c>.
/// </summary>
internal static class DataSync
{
    public static void Flush(FileStream file)
    {
        if (!OperatingSystem.IsLinux())
        {
            file.Flush(flushToDisk: true);
            return;
        }

        bool added = false;
        var handle = file.SafeFileHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            if (FileDataSync((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fdatasync failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Makes a folder's entries durable (a file just created or renamed in it): without this, a power loss can lose
    /// a new file whose own data was flushed. Linux only; elsewhere the platform offers no portable equivalent.
    /// </summary>
    public static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int descriptor = Open(directory, OpenReadOnly | OpenDirectory);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open the folder {directory} to flush it: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (FileSync(descriptor) != 0)
            {
                throw new IOException($"fsync of the folder {directory} failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private const int OpenReadOnly = 0;
    private const int OpenDirectory = 0x10000; // O_DIRECTORY on Linux x86-64 and arm64

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileSync(int fileDescriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fileDescriptor);

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileDataSync(int fileDescriptor);
}
