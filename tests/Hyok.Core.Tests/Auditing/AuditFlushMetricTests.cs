using System.Diagnostics.Metrics;

namespace Hyok.Auditing;

/// <summary>
/// hyok_audit_flush_duration_seconds times the write and fsync of a batch, never the work its acknowledged requests go
/// on to do (an answer, whichever thread runs it).
/// </summary>
public sealed class AuditFlushMetricTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task AppendAsync_WorkAfterTheAcknowledgement_IsNotTimedAsTheFlush()
    {
        using var meter = new Meter("test-" + Guid.NewGuid());
        var durations = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == AuditWriteMetrics.FlushDurationName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (durations)
            {
                durations.Add(value);
            }
        });
        listener.Start();
        var options = new AuditTrailOptions { Directory = _trail.Directory };

        await using (var writer = new AuditTrailWriter(options, _trail.Time, metrics: new AuditWriteMetrics(meter)))
        {
            for (int n = 1; n <= 3; n++)
            {
                await AppendAsync(writer, n, () => _trail.Time.Advance(TimeSpan.FromMinutes(1))); // the request's answer
            }
        }

        lock (durations)
        {
            Assert.Equal(3, durations.Count);
            Assert.All(durations, d => Assert.True(d < 1, $"flush timed as {d} s"));
        }
    }

    /// <summary>Appends record <paramref name="n"/>, then runs <paramref name="answer"/> where the append continued, as a request does.</summary>
    private static async Task AppendAsync(AuditTrailWriter writer, int n, Action answer)
    {
        await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None).ConfigureAwait(false);
        answer();
    }
}
