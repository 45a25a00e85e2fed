using System.Security.Cryptography;
using Hyok.Protocol;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>Running one operation on a pooled session, with every PKCS#11 failure turned into a value.</summary>
public sealed partial class Pkcs11Token
{
    private static readonly XksError Unavailable = new(XksErrorCode.InternalException, "The PKCS#11 token is not available.");

    /// <summary>
    /// Borrows a session (waiting at most the configured deadline: DependencyTimeoutException), runs
    /// <paramref name="call"/> with it and the connection generation, and gives it back. A failed call is
    /// mapped by <see cref="CkrErrorMapping"/>: a broken session is closed and replaced, a lost token starts
    /// re-initialisation. No Pkcs11Interop exception escapes.
    /// A PKCS#11 call cannot be interrupted: with a cancellable <paramref name="cancellationToken"/> (the request's
    /// deadline) the call runs on the thread pool and, when the token fires first, is abandoned: the caller gets
    /// DependencyTimeoutException at once, and the session goes back to the pool only when the call has finished
    /// (the lease is disposed exactly once, by the call's own task), so a session is never shared or lost.
    /// </summary>
    internal async ValueTask<XksResult<T>> RunAsync<T>(Func<ISession, int, XksResult<T>> call, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return XksError.Of(XksErrorCode.DependencyTimeoutException);
        }

        if (await CurrentConnectionAsync(cancellationToken).ConfigureAwait(false) is not { } connection)
        {
            return cancellationToken.IsCancellationRequested ? XksError.Of(XksErrorCode.DependencyTimeoutException) : Unavailable;
        }

        var lease = await connection.Pool.RentAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return XksError.Of(XksErrorCode.DependencyTimeoutException);
        }

        if (!cancellationToken.CanBeCanceled)
        {
            using (lease)
            {
                return Execute(connection, lease, call);
            }
        }

        var running = Task.Run(() =>
        {
            using (lease)
            {
                return cancellationToken.IsCancellationRequested ? XksError.Of(XksErrorCode.DependencyTimeoutException) : Execute(connection, lease, call);
            }
        }, CancellationToken.None);
        try
        {
            return await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!running.IsCompleted)
        {
            _ = running.ContinueWith(static finished => ForgetResult(finished.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return XksError.Of(XksErrorCode.DependencyTimeoutException);
        }
    }

    /// <summary>The result of an abandoned call reaches nobody: a plaintext in it is wiped.</summary>
    private static void ForgetResult<T>(XksResult<T> result)
    {
        if (result.IsSuccess && result.Value is byte[] plaintext)
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private XksResult<T> Execute<T>(Pkcs11Connection connection, Pkcs11SessionLease lease, Func<ISession, int, XksResult<T>> call)
    {
        try
        {
            return _module.Run(connection.ModuleGeneration, _ =>
            {
                if (FaultInjection?.Invoke() is { } fault)
                {
                    throw new Pkcs11Exception("C_FaultInjection", fault);
                }

                var session = lease.Acquire(() => connection.Slot.OpenSession(SessionType.ReadWrite));
                return call(session, connection.Generation);
            });
        }
        catch (Pkcs11Exception e)
        {
            if (CkrErrorMapping.IsSessionBroken(e.RV))
            {
                lease.MarkBroken();
            }

            if (CkrErrorMapping.IsConnectionLost(e.RV))
            {
                MarkLost(connection, $"{e.Method}: {CkrErrorMapping.NameOf(e.RV)}");
            }

            return XksError.Of(CkrErrorMapping.ToXksErrorCode(e.RV));
        }
#pragma warning disable CA1031 // Backend boundary: every fault becomes a value (ARCHITECTURE.md §3.5).
        catch (Exception)
#pragma warning restore CA1031
        {
            lease.MarkBroken();
            return XksError.Of(XksErrorCode.InternalException);
        }
    }
}
