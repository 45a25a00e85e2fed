using Hyok.Server.Configuration;
using Hyok.Testing;

namespace Hyok.Kms.Tests.ExternalKeyStores.Support;

/// <summary>
/// A <see cref="HyokProxy"/> requiring mutual TLS (xks-spec.md §7.5): client certificates must chain to a test CA and
/// carry <see cref="AllowedName"/>, the name real KMS presents in us-east-1 (the emulator's default Region). PEM files
/// of a certificate of that CA (<see cref="ClientCertificateFile"/>) and of another CA are written for the emulator.
/// </summary>
public sealed class MutualTlsHyokProxy : HyokProxy
{
    public const string AllowedName = "cks.kms.us-east-1.amazonaws.com";

    public string ClientCertificateFile => Path.Combine(Folder, "kms-client.crt");

    public string ClientCertificateKeyFile => Path.Combine(Folder, "kms-client.key");

    /// <summary>A certificate with the allowed name from a CA the proxy does not trust.</summary>
    public string UntrustedCertificateFile => Path.Combine(Folder, "kms-untrusted.crt");

    public string UntrustedCertificateKeyFile => Path.Combine(Folder, "kms-untrusted.key");

    protected override void Configure(HyokOptions options)
    {
        using var authority = TestClientAuthority.Create("Hyok Kms Test Client CA");
        using var other = TestClientAuthority.Create("Some Other CA");
        var bundle = Path.Combine(Folder, "client-ca.pem");
        File.WriteAllText(bundle, authority.Root.ExportCertificatePem() + "\n");
        using (var trusted = authority.Issue(AllowedName))
        {
            TestClientAuthority.WritePem(trusted, ClientCertificateFile, ClientCertificateKeyFile);
        }

        using (var untrusted = other.Issue(AllowedName))
        {
            TestClientAuthority.WritePem(untrusted, UntrustedCertificateFile, UntrustedCertificateKeyFile);
        }

        options.Server.Tls.ClientCertificateAuthorityFile = bundle;
        options.Server.Tls.AllowedClientNames.Add(AllowedName);
    }
}
