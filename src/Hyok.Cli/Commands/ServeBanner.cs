using Hyok.Cli.EmbeddedDefault;
using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary>What <c>hyok serve</c> prints once listening: what KMS needs, and a curl command that calls GetHealthStatus.</summary>
internal static class ServeBanner
{
    public static void Print(HyokOptions options, IReadOnlyList<Uri> addresses, DataFolder? embedded, BackendRuntime runtime, Uri? metrics = null)
    {
        var address = addresses[0];
        var endpoint = $"https://localhost:{address.Port}";
        Console.WriteLine($"Hyok XKS proxy is listening on {string.Join(", ", addresses.Select(a => a.GetLeftPart(UriPartial.Authority)))}");
        var credentials = new SoftwareKeyStore(runtime.Database).ListCredentials();
        foreach (var store in options.KeyStores)
        {
            Console.WriteLine($"Key store '{store.Name}':");
            Console.WriteLine($"  XksProxyUriEndpoint  {endpoint}   (KMS itself needs port 443 and a certificate from a public CA)");
            Console.WriteLine($"  XksProxyUriPath      {store.PathPrefix}/kms/xks/v1");
            Console.WriteLine($"  Region               {store.Region}");
            Console.WriteLine($"  Policy               {PolicyOf(options, runtime, store)}");
            var accessKeyIds = credentials.Where(c => c.KeyStore == store.Name).Select(c => c.AccessKeyId).ToList();
            Console.WriteLine($"  Access key ids       {(accessKeyIds.Count == 0 ? "none yet: hyok credentials add --key-store " + store.Name : string.Join(", ", accessKeyIds))}");
            if (embedded is not null && accessKeyIds.Count > 0 && File.Exists(embedded.SecretFile(store.Name)))
            {
                PrintTryIt(embedded, store, endpoint, accessKeyIds[0]);
            }
        }

        if (runtime.Database.IsShared)
        {
            Console.WriteLine($"Storage: PostgreSQL {runtime.Database.Location}, instance '{options.Storage.ResolveInstanceId(options.Server.Listen)}' (hyok fleet status)");
        }

        Console.WriteLine(!options.Audit.Enabled
            ? "Audit trail: OFF (Hyok:Audit:Enabled is false): requests are not recorded"
            : runtime.Database.IsShared
            ? "Audit trail: this instance's chain in PostgreSQL audit_records (hyok audit tail, hyok audit verify)"
            : $"Audit trail: {options.Audit.Directory} (hyok audit tail, hyok audit verify)");
        Console.WriteLine(metrics is null
            ? "Metrics: off (set Hyok:Metrics:Listen, e.g. 127.0.0.1:9464, for a Prometheus scrape endpoint)"
            : $"Metrics: {metrics.GetLeftPart(UriPartial.Authority)}/metrics (Prometheus text, plain HTTP)");
        Console.WriteLine("Press Ctrl+C to stop.");
    }

    private static string PolicyOf(HyokOptions options, BackendRuntime runtime, KeyStoreOptions store) =>
        runtime.Database.IsShared
            ? (new PolicyRecords(runtime.Database).Versions(store.Name).FirstOrDefault(v => v.IsCurrent) is { } current
                ? $"database version {current.Version} (hyok policy versions --key-store {store.Name})"
                : "none in the database (hyok policy push; see docs/policy.md)")
            : store.PolicyFile ?? "none (every authenticated KMS request may use the keys; see docs/policy.md)";

    private static void PrintTryIt(DataFolder embedded, KeyStoreOptions store, string endpoint, string accessKeyId)
    {
        Console.WriteLine($"  Secret access key    in {embedded.SecretFile(store.Name)} (mode 0600)");
        Console.WriteLine($"  KMS console file     {embedded.ConsoleConfigFile(store.Name)}");
        Console.WriteLine($"  Demo external key    {DataFolder.DemoKeyId}");
        Console.WriteLine("Try it (GetHealthStatus):");
        Console.WriteLine(
            $"  curl --cacert '{embedded.CertificateFile}' --aws-sigv4 'aws:amz:{store.Region}:kms-xks-proxy' " +
            $"--user \"{accessKeyId}:$(cat '{embedded.SecretFile(store.Name)}')\" -H 'Content-Type: application/json' " +
            "--data '{\"requestMetadata\":{\"kmsRequestId\":\"hello-hyok\",\"kmsOperation\":\"KmsHealthCheck\"}}' " +
            $"{endpoint}{store.PathPrefix}/kms/xks/v1/health");
    }
}
