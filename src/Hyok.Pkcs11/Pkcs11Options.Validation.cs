namespace Hyok.Pkcs11;

/// <summary>Validation of <see cref="Pkcs11Options"/>: every problem at once (ARCHITECTURE.md §3.6).</summary>
public sealed partial record Pkcs11Options
{
    /// <summary>Every problem with these options at once; empty when valid. Does not load the module or read the PIN.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ModulePath))
        {
            problems.Add($"{nameof(ModulePath)} is required");
        }

        CheckExactlyOne(nameof(TokenLabel), TokenLabel, nameof(TokenSerial), TokenSerial, problems);
        CheckExactlyOne(nameof(PinFile), PinFile, nameof(PinEnvironmentVariable), PinEnvironmentVariable, problems);
        if (PinEnvironmentVariable is { Length: > 0 } variable && variable.Any(c => c == '=' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add($"{nameof(PinEnvironmentVariable)} '{variable}' is not a valid environment variable name");
        }

        CheckRange(nameof(SessionPoolSize), SessionPoolSize, 1, 256, problems);
        CheckRange(nameof(SessionWaitTimeoutMilliseconds), SessionWaitTimeoutMilliseconds, 1, 200, problems);
        CheckRange(nameof(ReconnectIntervalMilliseconds), ReconnectIntervalMilliseconds, 0, 60_000, problems);
        return problems;
    }

    private static void CheckExactlyOne(string firstName, string? first, string secondName, string? second, List<string> problems)
    {
        bool hasFirst = !string.IsNullOrWhiteSpace(first);
        bool hasSecond = !string.IsNullOrWhiteSpace(second);
        if (hasFirst == hasSecond)
        {
            problems.Add(hasFirst
                ? $"set either {firstName} or {secondName}, not both"
                : $"{firstName} or {secondName} is required");
        }
    }

    private static void CheckRange(string name, int value, int min, int max, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} must be between {min} and {max} (is {value})");
        }
    }
}
