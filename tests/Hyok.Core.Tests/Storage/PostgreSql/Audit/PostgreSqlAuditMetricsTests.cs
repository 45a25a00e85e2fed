using System.Diagnostics.Metrics;
using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary>The PostgreSQL audit writer feeds the same instruments as the file trail's (docs/operations.md "Metrics").</summary>
public sealed class PostgreSqlAuditMetricsTests
{
    [Fact]
    public async Task AppendAsync_Records_BatchSizesAddUpAndEveryBatchTimed()
    {
        using var meter = new Meter("test-" + Guid.NewGuid());
        var (sizes, durations) = (new List<int>(), new List<double>());
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (sizes)
            {
                sizes.Add(instrument.Name == AuditWriteMetrics.BatchSizeName ? value : 0);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (sizes)
            {
                durations.Add(instrument.Name == AuditWriteMetrics.FlushDurationName ? value : -1);
            }
        });
        listener.Start();
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();

        await using (var writer = await PostgreSqlAuditWriter.OpenAsync(db.Connector, "web-1", metrics: new AuditWriteMetrics(meter)))
        {
            await Task.WhenAll(Enumerable.Range(1, 50).Select(n => writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None).AsTask()));
        }

        lock (sizes)
        {
            Assert.Equal(50, sizes.Sum());
            Assert.Equal(sizes.Count, durations.Count);
            Assert.All(durations, d => Assert.True(d > 0));
        }
    }
}
