using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hyok.Server.Tls;

namespace Hyok.Cli.Certificates;

/// <summary>A PKCS#10 certificate signing request for a public CA: the subject and every DNS name as SubjectAlternativeName.</summary>
internal static class SigningRequest
{
    /// <summary>The CSR as PEM, signed by <paramref name="key"/> (SHA-256, SHA-384 with P-384).</summary>
    public static string CreatePem(X500DistinguishedName subject, IReadOnlyList<string> dnsNames, CertificateKeySpec keySpec, AsymmetricAlgorithm key)
    {
        var request = keySpec.NewRequest(subject, key);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        return request.CreateSigningRequestPem() + "\n";
    }

    /// <summary>The subject: <paramref name="given"/> (e.g. <c>CN=xks.example.com, O=Example</c>), else CN = the first DNS name.</summary>
    /// <exception cref="Commands.CliException">The given subject is not an X.500 distinguished name.</exception>
    public static X500DistinguishedName Subject(string? given, string firstName)
    {
        if (given is null)
        {
            var builder = new X500DistinguishedNameBuilder();
            builder.AddCommonName(firstName);
            return builder.Build();
        }

        try
        {
            var subject = new X500DistinguishedName(given);
            return subject.RawData.Length > 2 ? subject : throw new Commands.CliException("--subject is empty; give e.g. \"CN=xks.example.com\".");
        }
        catch (CryptographicException)
        {
            throw new Commands.CliException($"--subject '{given}' is not a distinguished name such as \"CN=xks.example.com, O=Example\".");
        }
    }
}
