using System.Net;
using Hyok.Cli.Commands;

namespace Hyok.Cli.Certificates;

/// <summary>
/// Checks the names of a certificate: lowercase DNS names (letters, digits, hyphens; labels of 1-63, at most 253 in all),
/// no IP addresses (KMS connects by DNS name, xks-spec.md §8). A wildcard is allowed as the whole leftmost label
/// (<c>*.xks.example.com</c>): KMS accepts it and public CAs issue it. Duplicates are dropped, the order is kept.
/// </summary>
internal static class DnsNames
{
    /// <exception cref="CliException">A name is not valid; the message names it and the rule.</exception>
    public static IReadOnlyList<string> Validate(IEnumerable<string> names, bool requireDomain)
    {
        var valid = names.Distinct(StringComparer.Ordinal).ToList();
        if (valid.Count == 0)
        {
            throw new CliException("give at least one --dns NAME.");
        }

        foreach (var name in valid)
        {
            Check(name, requireDomain);
        }

        return valid;
    }

    private static void Check(string name, bool requireDomain)
    {
        if (IPAddress.TryParse(name, out _))
        {
            throw Invalid(name, "an IP address; KMS connects by DNS name, give the host name of XksProxyUriEndpoint");
        }

        if (name.Length > 253)
        {
            throw Invalid(name, $"{name.Length} characters long; at most 253");
        }

        var labels = name.Split('.');
        var host = labels[0] == "*" ? labels[1..] : labels;
        if ((requireDomain && host.Length < 2) || host.Length < 1)
        {
            throw Invalid(name, "not a fully qualified domain name (public CAs issue only for names such as xks.example.com)");
        }

        foreach (var label in host)
        {
            CheckLabel(name, label);
        }

        if (host[^1].All(char.IsAsciiDigit))
        {
            throw Invalid(name, "ending in an all-numeric label");
        }
    }

    private static void CheckLabel(string name, string label)
    {
        if (label.Length is 0 or > 63)
        {
            throw Invalid(name, "having an empty label or one longer than 63 characters");
        }

        if (label.Contains('*', StringComparison.Ordinal))
        {
            throw Invalid(name, "a wildcard other than a whole leftmost label (*.xks.example.com)");
        }

        if (label.Any(char.IsAsciiLetterUpper))
        {
            throw Invalid(name, "not lowercase");
        }

        if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || label[0] == '-' || label[^1] == '-')
        {
            throw Invalid(name, "not letters, digits and inner hyphens (a-z 0-9 -) between dots");
        }
    }

    private static CliException Invalid(string name, string why) => new($"'{name}' is not a valid certificate name: {why}.");
}
