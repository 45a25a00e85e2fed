using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// A deliberately slow key backend: while blocked, Encrypt and Decrypt wait on a gate and ignore cancellation, like
/// a PKCS#11 call that cannot be interrupted. Key lookup and the health probe pass straight through (probes counted).
/// </summary>
public sealed class GatedKeyBackend(IKeyBackend inner) : IKeyBackend
{
    private volatile TaskCompletionSource _gate = Opened();
    private int _entered;
    private int _probes;

    public string Vendor => inner.Vendor;

    public string Model => inner.Model;

    public string InstanceId => inner.InstanceId;

    /// <summary>How many Encrypt/Decrypt calls have reached the backend so far.</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>How many health probes have reached the backend so far.</summary>
    public int Probes => Volatile.Read(ref _probes);

    /// <summary>Blocks Encrypt and Decrypt until the returned handle is disposed.</summary>
    public IDisposable Block()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = gate;
        return new Opener(gate);
    }

    public ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken) =>
        inner.FindKeyAsync(keyId, cancellationToken);

    public async ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        await _gate.Task.ConfigureAwait(false);
        return await inner.EncryptAsync(keyId, keyVersion, plaintext, gcmAad, CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        await _gate.Task.ConfigureAwait(false);
        return await inner.DecryptAsync(keyId, keyVersion, sealedData, gcmAad, CancellationToken.None).ConfigureAwait(false);
    }

    public ValueTask<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        return inner.ProbeAsync(cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }

    private sealed class Opener(TaskCompletionSource gate) : IDisposable
    {
        public void Dispose() => gate.TrySetResult();
    }
}
