using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Hyok.Kms.Tests.Hosting;

/// <summary>Base of the round-trip tests: a fresh emulator in a temporary folder per test, and an SDK client.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private RunningEmulator? _running;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "hyok-kms-tests", Guid.NewGuid().ToString("N"));

    internal RunningEmulator Running => _running ?? throw new InvalidOperationException("not started");

    protected AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _running = await RunningEmulator.StartAsync(Folder);
        Kms = _running.Client();
    }

    public async Task DisposeAsync()
    {
        Kms.Dispose();
        if (_running is not null)
        {
            await _running.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    protected async Task Restart()
    {
        Kms.Dispose();
        await Running.DisposeAsync();
        _running = await RunningEmulator.StartAsync(Folder);
        Kms = _running.Client();
    }

    protected async Task<KeyMetadata> CreateKeyAsync(string description = "test key") =>
        (await Kms.CreateKeyAsync(new CreateKeyRequest { Description = description })).KeyMetadata;
}
