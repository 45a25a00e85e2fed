using Microsoft.Extensions.Hosting;

namespace Hyok.Kms.Hosting;

/// <summary>Starts the emulator's background work on external key stores with the server and stops it on shutdown.</summary>
internal sealed class KmsBackgroundService(KmsEmulator emulator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        emulator.StartBackgroundWork();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => emulator.StopBackgroundWorkAsync();
}
