using System.Text;
using System.Security.Cryptography;

namespace Hyok.Storage;

/// <summary>Master keys passed in an environment variable (Base64 of 32 bytes).</summary>
public sealed partial class MasterKey
{
    /// <summary>Reads the Base64 master key from an environment variable.</summary>
    /// <exception cref="HyokStoreException">The variable is not set or not Base64 of 32 bytes.</exception>
    public static MasterKey FromEnvironment(string variableName = MasterKeySource.DefaultEnvironmentVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        string? value = Environment.GetEnvironmentVariable(variableName);
        if (string.IsNullOrEmpty(value))
        {
            throw new HyokStoreException($"environment variable {variableName} is not set; it must hold the Base64 of the {Length}-byte master key");
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        try
        {
            return FromBase64Utf8(utf8, $"{variableName} is not Base64 of {Length} bytes");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
        }
    }
}
