using Hyok.Server.Tls;

namespace Hyok.Server.Configuration;

/// <summary>Checks of <c>Hyok:Server:Tls</c>: reload and warning settings, and the mutual TLS CA bundle and names (xks-spec.md §7.5).</summary>
public static partial class HyokOptionsValidator
{
    private const string Tls = "Hyok:Server:Tls";

    private static void ValidateTls(TlsOptions tls, List<string> problems)
    {
        Range(tls.ReloadIntervalSeconds, 1, 3600, $"{Tls}:ReloadIntervalSeconds", problems);
        Range(tls.ExpiryWarningDays, 0, 365, $"{Tls}:ExpiryWarningDays", problems);
        if (!tls.RequiresClientCertificates)
        {
            if (tls.AllowedClientNames.Count > 0)
            {
                problems.Add($"{Tls}:AllowedClientNames needs {Tls}:ClientCertificateAuthorityFile (the CA bundle that turns mutual TLS on).");
            }

            return;
        }

        if (RequireFile(tls.ClientCertificateAuthorityFile, $"{Tls}:ClientCertificateAuthorityFile", problems)
            && ClientCertificateAuthority.Check(tls.ClientCertificateAuthorityFile!) is { } problem)
        {
            problems.Add($"{Tls}:ClientCertificateAuthorityFile: {problem}");
        }

        if (tls.AllowedClientNames.Count == 0)
        {
            problems.Add($"{Tls}:AllowedClientNames is required with mutual TLS: the client names to accept, e.g. cks.kms.us-east-1.amazonaws.com.");
        }

        foreach (var name in tls.AllowedClientNames.Where(n => !ClientNamePattern().IsMatch(n ?? "")))
        {
            problems.Add(name.Contains('*', StringComparison.Ordinal)
                ? $"{Tls}:AllowedClientNames: '{name}' has a wildcard; list every name instead (e.g. one per Region)."
                : $"{Tls}:AllowedClientNames: '{name}' is not a DNS name.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial System.Text.RegularExpressions.Regex ClientNamePattern();
}
