using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tls;

/// <summary>Reading the PEM files and turning .NET's generic errors into one clear line for the operator.</summary>
public sealed partial class ServerCertificate
{
    internal static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerCertificateException($"cannot read {path}: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection ReadCertificates(string certificateFile, string pem)
    {
        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            Dispose(all);
            throw new ServerCertificateException($"{certificateFile} holds a malformed PEM certificate: {e.Message}", e);
        }

        return all.Count > 0
            ? all
            : throw new ServerCertificateException($"{certificateFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    }

    private static string DescribeKeyProblem(string certificateFile, string keyFile, string keyPem)
    {
        if (keyPem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return $"{keyFile} holds an encrypted private key; Hyok needs it unencrypted (protect the file with chmod 600 instead).";
        }

        if (!IsPrivateKey(keyPem))
        {
            return $"{keyFile} holds no usable PEM private key (PKCS#8, RSA or EC).";
        }

        return $"the private key in {keyFile} does not match the certificate in {certificateFile} "
            + "(the first certificate in the file must be the server's own, followed by its intermediates).";
    }

    private static bool IsPrivateKey(string keyPem)
    {
        if (!keyPem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return false;
        }

        return CanImport(RSA.Create, keyPem) || CanImport(ECDsa.Create, keyPem);
    }

    private static bool CanImport<T>(Func<T> create, string keyPem)
        where T : AsymmetricAlgorithm
    {
        using var key = create();
        try
        {
            key.ImportFromPem(keyPem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
