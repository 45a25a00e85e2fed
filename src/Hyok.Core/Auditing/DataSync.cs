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

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileDataSync(int fileDescriptor);
}
