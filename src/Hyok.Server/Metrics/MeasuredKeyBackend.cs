using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Server.Metrics;

/// <summary>Times every call of the wrapped key backend into <see cref="BackendMetrics"/>; changes nothing else.</summary>
internal sealed class MeasuredKeyBackend(IKeyBackend inner, BackendMetrics metrics, TimeProvider timeProvider) : IKeyBackend
{
    public string Vendor => inner.Vendor;

    public string Model => inner.Model;

    public string InstanceId => inner.InstanceId;

    public ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        return Measure("find_key", started, inner.FindKeyAsync(keyId, cancellationToken));
    }

    public ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        return Measure("encrypt", started, inner.EncryptAsync(keyId, keyVersion, plaintext, gcmAad, cancellationToken));
    }

    public ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        return Measure("decrypt", started, inner.DecryptAsync(keyId, keyVersion, sealedData, gcmAad, cancellationToken));
    }

    public async ValueTask<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var outcome = "exception";
        try
        {
            var healthy = await inner.ProbeAsync(cancellationToken).ConfigureAwait(false);
            outcome = healthy ? "OK" : "Unhealthy";
            return healthy;
        }
        finally
        {
            metrics.Record("probe", outcome, timeProvider.GetElapsedTime(started));
        }
    }

    /// <summary>A call that completed synchronously (the software store) is recorded at once, without allocating.</summary>
    private ValueTask<XksResult<T>> Measure<T>(string operation, long started, ValueTask<XksResult<T>> pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            var result = pending.Result;
            metrics.Record(operation, OutcomeOf(result.Error), timeProvider.GetElapsedTime(started));
            return ValueTask.FromResult(result);
        }

        return AwaitAsync(operation, pending, started);
    }

    private async ValueTask<XksResult<T>> AwaitAsync<T>(string operation, ValueTask<XksResult<T>> pending, long started)
    {
        var outcome = "exception";
        try
        {
            var result = await pending.ConfigureAwait(false);
            outcome = OutcomeOf(result.Error);
            return result;
        }
        finally
        {
            metrics.Record(operation, outcome, timeProvider.GetElapsedTime(started));
        }
    }

    private static string OutcomeOf(XksError? error) => error is null ? "OK" : XksErrors.NameOf(error.Code);
}
