using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hyok.Storage;

namespace Hyok.Auditing;

/// <summary>
/// Signs and checks audit heads with HMAC-SHA256 under a key derived from the master key by HKDF-SHA256
/// (info <c>hyok audit head v1</c>), so only a holder of the master key can forge a head. Keeps a pinned
/// copy of the derived key; <see cref="Dispose"/> zeroes it. The key is never exposed.
/// </summary>
public sealed class AuditHeadSigner : IDisposable
{
    private static readonly byte[] Info = "hyok audit head v1"u8.ToArray();
    private readonly byte[] _key = GC.AllocateArray<byte>(32, pinned: true);
    private bool _disposed;

    public AuditHeadSigner(MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, _key, salt: [], Info);
    }

    /// <summary>The head with its signature set.</summary>
    public AuditHead Sign(AuditHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var unsigned = head with { Time = AuditHead.Truncated(head.Time), Signature = null };
        return unsigned with { Signature = Convert.ToHexStringLower(Mac(unsigned)) };
    }

    /// <summary>True when the signature is present and was made with this master key over these fields (constant-time compare).</summary>
    public bool IsValid(AuditHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Signature is not { Length: 64 } hex)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(head));
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
    }

    private byte[] Mac(AuditHead head)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"hyok-audit-head-v1\n{head.Seq}\n{head.Hash}\n{head.File}\n{AuditLine.FormatTime(head.Time)}");
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));
    }
}
