using Hyok.Kms.Hosting;

namespace Hyok.Cli.Commands;

/// <summary>What <c>hyok kms serve</c> prints once listening: the endpoint, the credentials (never the secret) and aws CLI commands.</summary>
internal static class KmsBanner
{
    public static void Print(KmsEmulator emulator, Uri address)
    {
        var options = emulator.Options;
        bool https = options.CertificateFile is not null;
        string endpoint = $"{(https ? "https" : "http")}://{(https ? "localhost" : address.Host)}:{address.Port}";
        Console.WriteLine($"Hyok KMS emulator is listening on {endpoint} (region {options.Region}, account {options.AccountId})");
        Console.WriteLine($"  Database       {options.DatabaseFile}");
        Console.WriteLine($"  XKS trust      {XksTrust(options)}");
        Console.WriteLine($"  XKS calls      {options.XksTimeoutMilliseconds} ms timeout, KmsHealthCheck {(options.XksHealthCheckSeconds == 0 ? "off" : $"every {options.XksHealthCheckSeconds} s")}");
        foreach (var credential in emulator.Credentials.All)
        {
            Console.WriteLine($"  Access key id  {credential.AccessKeyId} → {credential.PrincipalArn}");
        }

        var first = emulator.Credentials.All.First();
        Console.WriteLine("Try it:");
        if (options.CredentialsFile is { } file && File.Exists(file))
        {
            Console.WriteLine(
                $"  export AWS_ACCESS_KEY_ID={first.AccessKeyId} AWS_SECRET_ACCESS_KEY=\"$(sed -n 's/.*\"SecretAccessKey\": *\"\\([^\"]*\\)\".*/\\1/p' '{file}' | head -n 1)\" AWS_DEFAULT_REGION={options.Region}");
        }
        else
        {
            Console.WriteLine($"  export AWS_ACCESS_KEY_ID={first.AccessKeyId} AWS_SECRET_ACCESS_KEY=\"$HYOK_KMS_SECRET_ACCESS_KEY\" AWS_DEFAULT_REGION={options.Region}");
        }

        if (https)
        {
            Console.WriteLine($"  export AWS_CA_BUNDLE='{options.CertificateFile}'   (if the certificate is self-signed)");
        }

        Console.WriteLine($"  aws kms create-key --description demo --endpoint-url {endpoint}");
        Console.WriteLine($"  aws kms encrypt --key-id KEY_ID --plaintext fileb://<(echo hello) --endpoint-url {endpoint}");
        Console.WriteLine("Press Ctrl+C to stop.");
    }

    /// <summary>Which certificates external key store proxies may present (Hyok:Kms:XksCaBundleFile, XksTrustSystemRoots).</summary>
    private static string XksTrust(Hyok.Kms.Configuration.KmsOptions options) => (options.XksCaBundleFile, options.XksTrustSystemRoots) switch
    {
        (null, true) => "system roots (no CA bundle: set Hyok:Kms:XksCaBundleFile to trust a self-signed proxy)",
        (null, false) => "nothing (XksTrustSystemRoots is false and no CA bundle is set: every proxy fails TLS)",
        ({ } bundle, true) => $"CA bundle {bundle} and the system roots",
        ({ } bundle, false) => $"CA bundle {bundle} only",
    };
}
