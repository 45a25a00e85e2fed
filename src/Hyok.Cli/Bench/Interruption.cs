using System.Runtime.InteropServices;

namespace Hyok.Cli.Bench;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM ends the run early so its results are still printed. System.CommandLine 2.0 leaves
/// these signals alone by default (no <c>ProcessTerminationTimeout</c>), so the command handles them itself;
/// a second signal terminates the process as usual.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}
