using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Storage;

/// <summary>
/// Seals secrets for storage with AES-256-GCM under the master key. Sealed format:
/// <c>version (1) || nonce (12) || tag (16) || ciphertext</c>. The AAD is <c>version || UTF-8(context)</c>, where
/// the context names the row (<see cref="SealContexts"/>), so a sealed value copied to another row does not open.
/// Holds its own pinned copy of the key; <see cref="Dispose"/> zeroes it.
/// </summary>
internal sealed class Sealer : IDisposable
{
    /// <summary>The first byte of every sealed value.</summary>
    public const byte FormatVersion = 1;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly byte[] _key = GC.AllocateArray<byte>(MasterKey.Length, pinned: true);
    private bool _disposed;

    public Sealer(MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        masterKey.Bytes.CopyTo(_key);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> bound to <paramref name="context"/> with a fresh random nonce.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, string context)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] output = new byte[HeaderSize + plaintext.Length];
        output[0] = FormatVersion;
        Span<byte> nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(_key, TagSize);
        gcm.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), Aad(context));
        return output;
    }

    /// <summary>
    /// Opens a sealed value into a new pinned array (zero it when done). False when the value is malformed,
    /// was sealed under another master key or context, or was modified.
    /// </summary>
    public bool TryUnseal(ReadOnlySpan<byte> sealedValue, string context, [NotNullWhen(true)] out byte[]? plaintext)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        plaintext = null;
        if (sealedValue.Length < HeaderSize || sealedValue[0] != FormatVersion)
        {
            return false;
        }

        byte[] output = GC.AllocateArray<byte>(sealedValue.Length - HeaderSize, pinned: true);
        try
        {
            using var gcm = new AesGcm(_key, TagSize);
            gcm.Decrypt(sealedValue.Slice(1, NonceSize), sealedValue[HeaderSize..], sealedValue.Slice(1 + NonceSize, TagSize), output, Aad(context));
            plaintext = output;
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>Zeroes the key copy.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
    }

    private static byte[] Aad(string context)
    {
        byte[] aad = new byte[1 + Encoding.UTF8.GetByteCount(context)];
        aad[0] = FormatVersion;
        Encoding.UTF8.GetBytes(context, aad.AsSpan(1));
        return aad;
    }
}
