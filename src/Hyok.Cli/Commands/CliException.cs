namespace Hyok.Cli.Commands;

/// <summary>A user-facing CLI failure: its message is printed as is, with exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message)
{
    /// <summary>Every problem of a configuration at once: "SOURCE has N problem(s):" and one "  - " line each.</summary>
    public static CliException ConfigurationProblems(string source, IReadOnlyCollection<string> problems) => new(
        $"{source} has {problems.Count} problem(s):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
}
