using Hyok.Protocol;
using Hyok.Server.Limits;

namespace Hyok.Server.Xks;

internal sealed partial class XksRequestHandler
{
    private static readonly XksError DeadlinePassed =
        new(XksErrorCode.DependencyTimeoutException, "The request could not be completed within the proxy's deadline.");

    /// <summary>
    /// Waits for the operation until the deadline; then stops waiting (an OperationCanceledException, answered
    /// DependencyTimeoutException) even if the work does not stop: a blocking backend call cannot be interrupted, so
    /// it is abandoned. The deadline (its timer and token) is disposed once the request is over, and abandoned work
    /// keeps it until it finishes, so that work never sees a disposed token.
    /// </summary>
    private static async ValueTask<XksReply> WithinDeadlineAsync(ValueTask<XksReply> pending, RequestDeadline deadline)
    {
        if (pending.IsCompleted)
        {
            return await pending.ConfigureAwait(false);
        }

        var work = pending.AsTask();
        try
        {
            return await work.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            deadline.DisposeAfter(work);
            throw;
        }
    }
}
