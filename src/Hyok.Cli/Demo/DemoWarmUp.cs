using Hyok.Kms.Configuration;
using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Cli.Demo;

/// <summary>
/// One GetHealthStatus call from the emulator's side before the demo hands over to the user: real KMS is a long-running
/// service, while a freshly started demo would spend its first 250 ms call on compiling code in both processes.
/// </summary>
internal static class DemoWarmUp
{
    public static async Task RunAsync(KmsOptions kms, string endpoint, string path, string accessKeyId, string secret, CancellationToken cancellationToken)
    {
        var settings = new XksProxySettings(endpoint, path, accessKeyId, secret, kms.Region, kms.XksCaBundleFile, kms.XksTrustSystemRoots,
            kms.XksClientCertificateFile, kms.XksClientCertificateKeyFile);
        using var caller = new XksProxyCaller(settings, TimeProvider.System, TimeSpan.FromSeconds(30));
        var result = await caller.GetHealthStatusAsync("KmsHealthCheck", "hyok-demo-warm-up", cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Console.WriteLine($"Warning: the emulator cannot reach the proxy yet ({result.Failure.Kind}: {result.Failure.Detail}).");
        }
    }
}
