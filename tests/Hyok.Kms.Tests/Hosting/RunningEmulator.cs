using Amazon.KeyManagementService;
using Amazon.Runtime;
using Hyok.Kms.Configuration;
using Hyok.Kms.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.Tests.Hosting;

/// <summary>An emulator on 127.0.0.1:0 over a folder, with a known credential, and real AWS SDK clients for it.</summary>
internal sealed class RunningEmulator : IAsyncDisposable
{
    public const string AccessKeyId = "AKIAEMULATORTEST0001";
    public const string Secret = "emulatorTestSecretKey0123456789abcdefghijk";
    public const string Principal = "arn:aws:iam::111122223333:user/tester";
    public const string Region = "us-east-1";

    private readonly ILoggerFactory _loggers;

    private RunningEmulator(KmsEmulator emulator, WebApplication app, Uri endpoint, ILoggerFactory loggers)
    {
        _loggers = loggers;
        Emulator = emulator;
        App = app;
        Endpoint = endpoint;
    }

    public KmsEmulator Emulator { get; }

    public WebApplication App { get; }

    public Uri Endpoint { get; }

    /// <param name="folder">The emulator's data folder (kept across restarts).</param>
    /// <param name="logs">Where to capture the server's logs, if anywhere.</param>
    /// <param name="configure">Changes to the options (e.g. the XKS CA bundle) before the emulator opens.</param>
    public static async Task<RunningEmulator> StartAsync(string folder, CapturedLogs? logs = null, Action<KmsOptions>? configure = null)
    {
        string credentials = Path.Combine(folder, "kms-credentials.json");
        if (!File.Exists(credentials))
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(credentials,
                $$"""{"Credentials":[{"AccessKeyId":"{{AccessKeyId}}","SecretAccessKey":"{{Secret}}","PrincipalArn":"{{Principal}}"}]}""");
        }

        var options = new KmsOptions
        {
            Listen = "127.0.0.1:0",
            DatabaseFile = Path.Combine(folder, "kms.db"),
            MasterKeyFile = Path.Combine(folder, "kms-master.key"),
            CredentialsFile = credentials,
        };
        configure?.Invoke(options);
        Assert.Empty(KmsOptionsValidator.Validate(options));
        // One logger factory for the server and the emulator, as hyok kms serve has: every level when captured.
        var loggers = KmsServer.CreateLoggerFactory(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
                logging.SetMinimumLevel(LogLevel.Trace);
            }
        });
        var emulator = KmsEmulator.Open(options, TimeProvider.System, loggers);
        var app = KmsServer.Build(emulator);
        await app.StartAsync();
        return new RunningEmulator(emulator, app, KmsServer.BoundAddresses(app)[0], loggers);
    }

    public AmazonKeyManagementServiceClient Client(string accessKeyId = AccessKeyId, string secret = Secret, string region = Region) =>
        new(new BasicAWSCredentials(accessKeyId, secret), new AmazonKeyManagementServiceConfig
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Emulator.Dispose();
        _loggers.Dispose();
    }
}
