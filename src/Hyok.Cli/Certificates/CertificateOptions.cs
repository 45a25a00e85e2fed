using System.CommandLine;
using Hyok.Cli.Commands;
using Hyok.Server.Tls;

namespace Hyok.Cli.Certificates;

/// <summary>The options <c>hyok cert csr</c> and <c>hyok cert self-signed</c> share: names, key kind, --force.</summary>
internal sealed class CertificateOptions
{
    public Option<string[]> Dns { get; } = new("--dns")
    {
        Description = "DNS name for the certificate (repeat for more); the first is the CN. Lowercase; *.example.com allowed.",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> KeyType { get; } = new("--key-type") { Description = "ecdsa (default) or rsa.", DefaultValueFactory = _ => "ecdsa" };

    public Option<int?> RsaBits { get; } = new("--rsa-bits") { Description = "RSA key size: 2048 (default), 3072 or 4096." };

    public Option<string?> Curve { get; } = new("--curve") { Description = "ECDSA curve: P-256 (default) or P-384." };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace existing output files." };

    public CertificateOptions()
    {
        KeyType.AcceptOnlyFromAmong("ecdsa", "rsa");
        RsaBits.AcceptOnlyFromAmong("2048", "3072", "4096");
        Curve.AcceptOnlyFromAmong("P-256", "P-384");
    }

    public IEnumerable<Option> All => [Dns, KeyType, RsaBits, Curve, Force];

    /// <exception cref="CliException">--rsa-bits with an ECDSA key or --curve with an RSA key.</exception>
    public CertificateKeySpec KeySpec(ParseResult result)
    {
        var (bits, curve) = (result.GetValue(RsaBits), result.GetValue(Curve));
        if (result.GetValue(KeyType) == "rsa")
        {
            return curve is null ? CertificateKeySpec.Rsa(bits ?? 2048) : throw new CliException("--curve applies to --key-type ecdsa, not rsa.");
        }

        return bits is null ? CertificateKeySpec.Ecdsa(curve ?? "P-256") : throw new CliException("--rsa-bits applies to --key-type rsa, not ecdsa.");
    }

    /// <exception cref="CliException">A name is not valid.</exception>
    public IReadOnlyList<string> Names(ParseResult result, bool requireDomain) => DnsNames.Validate(result.GetValue(Dns) ?? [], requireDomain);
}
