using System.Security.Cryptography;
using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Operations;

/// <summary>
/// A key backend whose faults tests choose: real AES-GCM with in-memory keys, plus switches for a
/// failing probe, a hanging call, or a verification decrypt that returns something else.
/// </summary>
internal sealed class FakeKeyBackend : IKeyBackend
{
    private readonly Dictionary<string, (KeyDescriptor Key, byte[] Material)> _keys = [];

    public string Vendor => "Fake";

    public string Model => "Fake backend";

    public string InstanceId => "fake-1";

    public bool Healthy { get; set; } = true;

    public int Probes { get; private set; }

    public TimeSpan CallDelay { get; set; }

    public bool CorruptDecrypt { get; set; }

    public void Add(string id, string store, KeyUsage usage) =>
        _keys[id] = (new KeyDescriptor(id, store, usage, KeyState.Enabled, DateTimeOffset.UnixEpoch), RandomNumberGenerator.GetBytes(32));

    public async ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        await Task.Delay(CallDelay, cancellationToken);
        return XksResult<KeyDescriptor?>.Success(_keys.TryGetValue(keyId, out var entry) ? entry.Key : null);
    }

    public KeyDescriptor this[string keyId] => _keys[keyId].Key;

    public async ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        await Task.Delay(CallDelay, cancellationToken);
        var iv = RandomNumberGenerator.GetBytes(12);
        var (ciphertext, tag) = (new byte[plaintext.Length], new byte[16]);
        using var gcm = new AesGcm(_keys[keyId].Material, 16);
        gcm.Encrypt(iv, plaintext.Span, ciphertext, tag, gcmAad.Span);
        return XksResult<GcmSealed>.Success(new GcmSealed(ciphertext, iv, tag));
    }

    public ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        var plaintext = new byte[sealedData.Ciphertext.Length];
        using var gcm = new AesGcm(_keys[keyId].Material, 16);
        try
        {
            gcm.Decrypt(sealedData.InitializationVector, sealedData.Ciphertext, sealedData.AuthenticationTag, plaintext, gcmAad.Span);
        }
        catch (AuthenticationTagMismatchException)
        {
            return ValueTask.FromResult(XksResult<byte[]>.Failure(XksErrorCode.InvalidCiphertextException));
        }

        if (CorruptDecrypt && plaintext.Length > 0)
        {
            plaintext[0] ^= 0xff;
        }

        return ValueTask.FromResult(XksResult<byte[]>.Success(plaintext));
    }

    public async ValueTask<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        Probes++;
        await Task.Delay(CallDelay, cancellationToken);
        return Healthy;
    }
}
