using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Pkcs11;

/// <summary>Reading the user PIN from its file or environment variable. The PIN never appears in a message.</summary>
public sealed partial record Pkcs11Options
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The PIN as UTF-8 bytes (the caller zeroes them), without a trailing line break.</summary>
    /// <exception cref="Pkcs11StartupException">The file is missing, too open or empty, or the variable is unset.</exception>
    internal byte[] ReadPin()
    {
        string text = string.IsNullOrWhiteSpace(PinFile) ? ReadPinVariable() : ReadPinFile(Path.GetFullPath(PinFile));
        byte[] pin = Encoding.UTF8.GetBytes(text.TrimEnd('\r', '\n'));
        if (pin.Length == 0)
        {
            throw new Pkcs11StartupException(string.IsNullOrWhiteSpace(PinFile)
                ? $"The PIN environment variable {PinEnvironmentVariable} is empty"
                : $"The PIN file {Path.GetFullPath(PinFile)} is empty");
        }

        return pin;
    }

    private string ReadPinVariable() =>
        Environment.GetEnvironmentVariable(PinEnvironmentVariable!) is { Length: > 0 } value
            ? value
            : throw new Pkcs11StartupException($"The PIN environment variable {PinEnvironmentVariable} is not set");

    private static string ReadPinFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new Pkcs11StartupException($"PIN file not found: {path}");
        }

        if (!OperatingSystem.IsWindows())
        {
            EnsureOwnerOnly(path);
        }

        try
        {
            byte[] raw = File.ReadAllBytes(path);
            try
            {
                return Encoding.UTF8.GetString(raw);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(raw);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Pkcs11StartupException($"Cannot read PIN file {path}: {e.GetType().Name}", e);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void EnsureOwnerOnly(string path)
    {
        UnixFileMode mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            string octal = Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
            throw new Pkcs11StartupException(string.Create(CultureInfo.InvariantCulture,
                $"PIN file {path} is accessible by group or others (mode {octal}); it must be mode 0600 or stricter. Fix: chmod 600 {path}"));
        }
    }
}
