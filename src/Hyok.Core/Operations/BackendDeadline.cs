using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// Bounds a key backend call so the proxy answers DependencyTimeoutException (503) rather than letting
/// KMS time out at 250 ms (xks-spec.md §9 "Internal dependency timeout").
/// </summary>
public sealed class BackendDeadline(TimeSpan timeout, TimeProvider timeProvider)
{
    public TimeSpan Timeout => timeout;

    public async ValueTask<XksResult<T>> RunAsync<T>(Func<CancellationToken, ValueTask<XksResult<T>>> call, CancellationToken cancellationToken)
    {
        // One source for the deadline, cancelled also by the caller's token through a registration: the same token a
        // linked source would give, without a second source per backend call.
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var forward = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline);
        var pending = call(deadline.Token);
        if (pending.IsCompleted)
        {
            return pending.Result;
        }

        try
        {
            return await pending.AsTask().WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return XksError.Of(XksErrorCode.DependencyTimeoutException);
        }
    }
}
