namespace Hyok.Authorization;

/// <summary>
/// A policy file could not be loaded at start-up: the server must not start (it would otherwise serve a key
/// store without its policy). The message lists every problem, one per line; it never contains key material.
/// </summary>
public sealed class PolicyLoadException : Exception
{
    public PolicyLoadException(IReadOnlyList<string> problems)
        : base($"{problems.Count} problem(s) in policy files:{string.Concat(problems.Select(p => $"\n  - {p}"))}")
    {
        Problems = problems;
    }

    public PolicyLoadException()
        : this([])
    {
    }

    public PolicyLoadException(string message)
        : this([message])
    {
    }

    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
