using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hyok.Testing;

/// <summary>Running softhsm2-util against this process's private configuration.</summary>
public sealed partial class SoftHsm
{
    public string RunUtil(params string[] arguments)
    {
        var start = new ProcessStartInfo("softhsm2-util") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SOFTHSM2_CONF"] = ConfigPath;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("softhsm2-util is missing: install the Debian package softhsm2 (the ./test script does).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"softhsm2-util {arguments[0]} failed ({process.ExitCode}): {error}");
            }

            return output.Result;
        }
    }

    private string SerialOf(string label)
    {
        string slots = RunUtil("--show-slots");
        foreach (var block in slots.Split("Slot ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (LabelLine().Match(block) is { Success: true } l && l.Groups[1].Value.Trim() == label
                && SerialLine().Match(block) is { Success: true } s)
            {
                return s.Groups[1].Value.Trim();
            }
        }

        throw new InvalidOperationException($"softhsm2-util --show-slots does not list token '{label}'");
    }

    [GeneratedRegex(@"^\s*Label:\s*(.*)$", RegexOptions.Multiline)]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^\s*Serial number:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SerialLine();
}
