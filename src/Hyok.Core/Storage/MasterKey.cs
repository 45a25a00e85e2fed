using System.Buffers.Text;
using System.Security.Cryptography;

namespace Hyok.Storage;

/// <summary>
/// The 32-byte key that seals every secret in Hyok's state store (key material, credential secrets).
/// Held in a pinned buffer that <see cref="Dispose"/> zeroes; never printed (<see cref="ToString"/> is redacted).
/// Load it with <see cref="MasterKeySource"/>, <see cref="LoadFile"/> or <see cref="FromEnvironment"/>.
/// </summary>
public sealed partial class MasterKey : IDisposable
{
    /// <summary>The key length in bytes (AES-256).</summary>
    public const int Length = 32;

    private const int MaxEncodedLength = 256;

    private readonly byte[] _bytes = GC.AllocateArray<byte>(Length, pinned: true);
    private bool _disposed;

    private MasterKey()
    {
    }

    /// <summary>The key bytes. Callers must not keep references beyond the key's lifetime.</summary>
    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <summary>A new random key from <see cref="RandomNumberGenerator"/>.</summary>
    public static MasterKey Generate()
    {
        var key = new MasterKey();
        RandomNumberGenerator.Fill(key._bytes);
        return key;
    }

    /// <summary>A key from exactly <see cref="Length"/> raw bytes (the caller keeps and should zero its copy).</summary>
    public static MasterKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A master key is exactly {Length} bytes.", nameof(bytes));
        }

        var key = new MasterKey();
        bytes.CopyTo(key._bytes);
        return key;
    }

    /// <summary>Zeroes the key bytes. Idempotent.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    /// <summary>Redacted: a master key is never printed.</summary>
    public override string ToString() => "MasterKey(redacted)";

    /// <summary>Decodes Base64 text (UTF-8 bytes, surrounding whitespace ignored) of exactly 32 bytes.</summary>
    /// <param name="utf8">The encoded key.</param>
    /// <param name="invalidMessage">The message of the exception thrown when the text is not Base64 of 32 bytes.</param>
    internal static MasterKey FromBase64Utf8(ReadOnlySpan<byte> utf8, string invalidMessage)
    {
        utf8 = utf8.Trim(" \t\r\n"u8);
        if (utf8.Length > MaxEncodedLength)
        {
            throw new HyokStoreException(invalidMessage);
        }

        Span<byte> decoded = stackalloc byte[MaxEncodedLength];
        try
        {
            var status = Base64.DecodeFromUtf8(utf8, decoded, out int consumed, out int written);
            if (status != System.Buffers.OperationStatus.Done
                || consumed != utf8.Length
                || written != Length)
            {
                throw new HyokStoreException(invalidMessage);
            }

            return FromBytes(decoded[..Length]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }
}
