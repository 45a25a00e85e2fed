using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tls;

/// <summary>
/// The key of a new certificate or signing request: ECDSA P-256/P-384 or RSA 2048/3072/4096, the kinds KMS
/// accepts (xks-spec.md §1, §8). Signatures use SHA-256, or SHA-384 with P-384; RSA signs with PKCS#1 v1.5.
/// </summary>
public sealed class CertificateKeySpec
{
    private CertificateKeySpec(bool isRsa, int size) => (IsRsa, Size) = (isRsa, size);

    public static CertificateKeySpec EcdsaP256 { get; } = new(false, 256);

    public bool IsRsa { get; }

    /// <summary>RSA modulus bits, or the ECDSA curve's bits (256, 384).</summary>
    public int Size { get; }

    public HashAlgorithmName Hash => !IsRsa && Size == 384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    /// <exception cref="ArgumentOutOfRangeException">Not 2048, 3072 or 4096.</exception>
    public static CertificateKeySpec Rsa(int bits) =>
        bits is 2048 or 3072 or 4096 ? new(true, bits) : throw new ArgumentOutOfRangeException(nameof(bits), bits, "RSA keys are 2048, 3072 or 4096 bits.");

    /// <exception cref="ArgumentOutOfRangeException">Not P-256 or P-384.</exception>
    public static CertificateKeySpec Ecdsa(string curve) => curve switch
    {
        "P-256" => EcdsaP256,
        "P-384" => new(false, 384),
        _ => throw new ArgumentOutOfRangeException(nameof(curve), curve, "ECDSA curves are P-256 or P-384."),
    };

    /// <summary>A new private key of this kind; the caller disposes it.</summary>
    public AsymmetricAlgorithm CreateKey() => IsRsa
        ? RSA.Create(Size)
        : ECDsa.Create(Size == 384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);

    /// <summary>A request for <paramref name="subject"/> signed by <paramref name="key"/> (made by <see cref="CreateKey"/>).</summary>
    public CertificateRequest NewRequest(X500DistinguishedName subject, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, Hash, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, Hash),
        _ => throw new ArgumentException("Only RSA and ECDSA keys are supported.", nameof(key)),
    };

    public override string ToString() => IsRsa ? $"RSA {Size}" : $"ECDSA P-{Size}";
}
