namespace Hyok.Cli.Commands;

/// <summary>A user-facing CLI failure: its message is printed as is, with exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
