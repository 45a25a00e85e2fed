namespace Hyok.Cli.Tests.Support;

/// <summary>The README's contract for user errors: exit code 1 and one clear line on stderr, never a stack trace.</summary>
internal static class CliAssert
{
    public static void Succeeded(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Stderr.Length == 0, result.ToString());
    }

    /// <summary>Exit 1, exactly one stderr line <c>hyok: ...</c> containing <paramref name="expected"/>; returns the line.</summary>
    public static string UserError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("hyok: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        NoStackTrace(result);
        return line;
    }

    public static void NoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
