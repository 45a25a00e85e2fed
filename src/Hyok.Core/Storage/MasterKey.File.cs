using System.Buffers.Text;
using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace Hyok.Storage;

/// <summary>Master key files: one line of Base64, mode 0600 or stricter on Unix.</summary>
public sealed partial class MasterKey
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Reads a master key file. On Unix the file must not be accessible by group or others
    /// (mode 0600 or stricter); otherwise the load is refused with the <c>chmod 600</c> fix.
    /// </summary>
    /// <exception cref="HyokStoreException">The file is missing, unreadable, too open or not Base64 of 32 bytes.</exception>
    public static MasterKey LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new HyokStoreException($"master key file not found: {fullPath}");
        }

        if (!OperatingSystem.IsWindows())
        {
            EnsureOwnerOnly(fullPath);
        }

        byte[] text = ReadSmallFile(fullPath);
        try
        {
            return FromBase64Utf8(text, $"master key file {fullPath} does not contain Base64 of {Length} bytes");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>
    /// Generates a new key and writes it to a new file atomically: a temporary file created with mode
    /// 0600 in the same folder, flushed, then linked into place without overwriting.
    /// </summary>
    /// <exception cref="HyokStoreException">The file exists already or cannot be written.</exception>
    public static MasterKey CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            throw new HyokStoreException($"master key file already exists, refusing to overwrite it: {fullPath}");
        }

        string directory = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var key = Generate();
        byte[] text = new byte[Base64.GetMaxEncodedToUtf8Length(Length) + 1];
        try
        {
            StorageFiles.CreatePrivateDirectory(directory);
            Base64.EncodeToUtf8(key._bytes, text, out _, out int written);
            text[written] = (byte)'\n';
            using (var stream = new FileStream(temporary, StorageFiles.NewPrivateFile(FileAccess.Write)))
            {
                stream.Write(text, 0, written + 1);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: false);
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            StorageFiles.TryDelete(temporary);
            throw new HyokStoreException($"cannot write master key file {fullPath}: {e.Message}", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void EnsureOwnerOnly(string fullPath)
    {
        UnixFileMode mode = File.GetUnixFileMode(fullPath);
        if ((mode & GroupOrOther) != 0)
        {
            string octal = Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
            throw new HyokStoreException(string.Create(CultureInfo.InvariantCulture,
                $"master key file {fullPath} is accessible by group or others (mode {octal}); it must be mode 0600 or stricter. Fix: chmod 600 {fullPath}"));
        }
    }

    private static byte[] ReadSmallFile(string fullPath)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxEncodedLength)
            {
                throw new HyokStoreException($"master key file {fullPath} does not contain Base64 of {Length} bytes");
            }

            byte[] text = new byte[stream.Length];
            stream.ReadExactly(text);
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HyokStoreException($"cannot read master key file {fullPath}: {e.Message}", e);
        }
    }
}
