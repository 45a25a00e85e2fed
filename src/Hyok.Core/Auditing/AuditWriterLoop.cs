namespace Hyok.Auditing;

/// <summary>
/// The group-commit skeleton of every audit sink (file trail, PostgreSQL): appends queue a <see cref="PendingAuditRecord"/>;
/// a dedicated thread takes everything queued, hands it to the sink's <c>writeBatch</c> in batches of at most
/// <c>maxBatchRecords</c>, and the sink completes each record's <see cref="PendingAuditRecord.Durable"/> once it is durable
/// (or fails it closed). A dedicated thread blocked on the queue wakes as soon as a record arrives; a thread-pool loop
/// would wait behind every queued request continuation, and the requests it holds would wait with it.
/// </summary>
internal sealed class AuditWriterLoop(string threadName, int maxBatchRecords, Action<List<PendingAuditRecord>> writeBatch)
{
    private readonly AuditQueue<PendingAuditRecord> _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the writer thread.</summary>
    public void Start() => new Thread(Run) { IsBackground = true, Name = threadName }.Start();

    /// <summary>Completes when the sink has made <paramref name="auditEvent"/> durable.</summary>
    /// <exception cref="AuditUnavailableException">It could not be written, or the loop is stopped.</exception>
    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        PendingAuditRecord.AppendAsync(_queue, auditEvent, cancellationToken);

    /// <summary>Refuses new appends, writes what is queued, and completes when the thread has ended.</summary>
    public Task StopAsync()
    {
        _queue.Complete();
        return _stopped.Task;
    }

    private void Run()
    {
        try
        {
            var (spare, batch) = (new List<PendingAuditRecord>(), new List<PendingAuditRecord>());
            while (_queue.TakeAll(spare) is { } taken)
            {
                for (int start = 0; start < taken.Count; start += maxBatchRecords)
                {
                    batch.Clear();
                    for (int i = start; i < Math.Min(taken.Count, start + maxBatchRecords); i++)
                    {
                        batch.Add(taken[i]);
                    }

                    writeBatch(batch);
                }

                spare = taken;
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }
}
