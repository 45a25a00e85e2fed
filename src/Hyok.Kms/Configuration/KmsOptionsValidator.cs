using System.Text.RegularExpressions;
using Hyok.Server.Configuration;
using Hyok.Server.Tls;

namespace Hyok.Kms.Configuration;

/// <summary>Checks <see cref="KmsOptions"/> at start-up and reports every problem at once.</summary>
public static partial class KmsOptionsValidator
{
    public static IReadOnlyList<string> Validate(KmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (HyokOptionsValidator.ParseListenAddress(options.Listen) is null)
        {
            problems.Add($"Hyok:Kms:Listen: '{options.Listen}' is not IP:port or localhost:port.");
        }

        if (!RegionPattern().IsMatch(options.Region))
        {
            problems.Add($"Hyok:Kms:Region: '{options.Region}' is not a region name such as us-east-1.");
        }

        if (!AccountPattern().IsMatch(options.AccountId))
        {
            problems.Add("Hyok:Kms:AccountId must be 12 digits.");
        }

        if (string.IsNullOrWhiteSpace(options.DatabaseFile))
        {
            problems.Add("Hyok:Kms:DatabaseFile is required.");
        }

        if ((options.CertificateFile is null) != (options.CertificateKeyFile is null))
        {
            problems.Add("Hyok:Kms:CertificateFile and Hyok:Kms:CertificateKeyFile go together: set both for HTTPS, neither for HTTP.");
        }
        else if (options.CertificateFile is not null && ServerCertificate.Check(options.CertificateFile, options.CertificateKeyFile!) is { } problem)
        {
            problems.Add($"Hyok:Kms:CertificateFile: {problem}");
        }

        if (options.MaxRequestBodyBytes is < 16 * 1024 or > 16 * 1024 * 1024)
        {
            problems.Add("Hyok:Kms:MaxRequestBodyBytes must be between 16384 and 16777216.");
        }

        if (options.XksCaBundleFile is not null && !File.Exists(options.XksCaBundleFile))
        {
            problems.Add($"Hyok:Kms:XksCaBundleFile: {options.XksCaBundleFile} does not exist.");
        }

        if ((options.XksClientCertificateFile is null) != (options.XksClientCertificateKeyFile is null))
        {
            problems.Add("Hyok:Kms:XksClientCertificateFile and Hyok:Kms:XksClientCertificateKeyFile go together: set both for mutual TLS, neither without.");
        }
        else if (options.XksClientCertificateFile is not null
            && ServerCertificate.Check(options.XksClientCertificateFile, options.XksClientCertificateKeyFile!) is { } clientProblem)
        {
            problems.Add($"Hyok:Kms:XksClientCertificateFile: {clientProblem}");
        }

        if (options.XksTimeoutMilliseconds is < 1 or > 60_000)
        {
            problems.Add("Hyok:Kms:XksTimeoutMilliseconds must be between 1 and 60000 (KMS uses 250).");
        }

        if (options.XksHealthCheckSeconds is < 0 or > 86_400)
        {
            problems.Add("Hyok:Kms:XksHealthCheckSeconds must be between 0 (off) and 86400.");
        }

        return problems;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
