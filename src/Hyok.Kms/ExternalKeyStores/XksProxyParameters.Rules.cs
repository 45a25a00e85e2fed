using System.Globalization;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>The individual constraints, each a message fragment in AWS's wording.</summary>
public static partial class XksProxyParameters
{
    private static List<string> EndpointProblems(string? endpoint)
    {
        var problems = new List<string>();
        if (endpoint is null)
        {
            return problems;
        }

        Length(problems, EndpointMember, endpoint, 10, 128, sensitive: false);
        if (!EndpointRegex().IsMatch(endpoint))
        {
            problems.Add(Violation(EndpointMember, endpoint, "Member must satisfy regular expression pattern: " + EndpointPattern, sensitive: false));
        }
        else if (HostProblem(endpoint) is { } problem)
        {
            problems.Add(Violation(EndpointMember, endpoint, problem, sensitive: false));
        }

        return problems;
    }

    private static List<string> PathProblems(string? path)
    {
        var problems = new List<string>();
        if (path is null)
        {
            return problems;
        }

        Length(problems, PathMember, path, 10, 128, sensitive: false);
        if (!PathRegex().IsMatch(path))
        {
            problems.Add(Violation(PathMember, path, "Member must satisfy regular expression pattern: " + PathPattern, sensitive: false));
        }

        return problems;
    }

    private static List<string> CredentialProblems(string? accessKeyId, string? secret)
    {
        var problems = new List<string>();
        if (accessKeyId is null && secret is null)
        {
            return problems;
        }

        if (accessKeyId is null || secret is null)
        {
            problems.Add("Value at 'xksProxyAuthenticationCredential' failed to satisfy constraint: Member must have both accessKeyId and rawSecretAccessKey");
            return problems;
        }

        Length(problems, AccessKeyIdMember, accessKeyId, 20, 30, sensitive: false);
        if (!AccessKeyIdRegex().IsMatch(accessKeyId))
        {
            problems.Add(Violation(AccessKeyIdMember, accessKeyId, "Member must satisfy regular expression pattern: " + AccessKeyIdPattern, sensitive: false));
        }

        Length(problems, SecretMember, secret, 43, 64, sensitive: true);
        if (!SecretRegex().IsMatch(secret))
        {
            problems.Add(Violation(SecretMember, secret, "Member must satisfy regular expression pattern: " + SecretPattern, sensitive: true));
        }

        return problems;
    }

    /// <summary>Host name rules the pattern alone lets through: empty labels, labels over 63 characters, leading or trailing hyphens, a bad port.</summary>
    private static string? HostProblem(string endpoint)
    {
        string authority = endpoint["https://".Length..];
        int colon = authority.IndexOf(':', StringComparison.Ordinal);
        string host = colon < 0 ? authority : authority[..colon];
        if (colon >= 0 && (!int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535))
        {
            return "Member must have a port between 1 and 65535";
        }

        if (host.Length > 253 || host.Split('.').Any(label => label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-')))
        {
            return "Member must be a valid host name";
        }

        return null;
    }

    private static void Length(List<string> problems, string member, string value, int min, int max, bool sensitive)
    {
        if (value.Length < min)
        {
            problems.Add(Violation(member, value, $"Member must have length greater than or equal to {min}", sensitive));
        }
        else if (value.Length > max)
        {
            problems.Add(Violation(member, value, $"Member must have length less than or equal to {max}", sensitive));
        }
    }

    /// <summary>AWS omits the value of a sensitive member from the message.</summary>
    private static string Violation(string member, string value, string constraint, bool sensitive) => sensitive
        ? $"Value at '{member}' failed to satisfy constraint: {constraint}"
        : $"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}";
}
