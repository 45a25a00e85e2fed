using System.Diagnostics;
using System.Globalization;

namespace Hyok.Testing;

/// <summary>Running the server tools as the <c>postgres</c> system user when the tests run as root (initdb refuses root).</summary>
public sealed partial class PostgresServer
{
    private const string FolderPrefix = "hyok-postgres-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    private static bool IsRoot => Environment.UserName == "root";

    private void RunServerTool(string tool, params string[] arguments) => Run(BinDirectory, Root, tool, arguments, LogFile);

    private static void GiveToPostgresUser(string folder)
    {
        if (IsRoot)
        {
            RunProcess("chown", ["-R", Superuser + ":" + Superuser, folder], folder, null);
        }
    }

    private static void Run(string binDirectory, string workingDirectory, string tool, IReadOnlyList<string> arguments, string? logFile)
    {
        string path = Path.Combine(binDirectory, tool);
        if (IsRoot)
        {
            RunProcess("runuser", ["-u", Superuser, "--", path, .. arguments], workingDirectory, logFile);
        }
        else
        {
            RunProcess(path, arguments, workingDirectory, logFile);
        }
    }

    private static void RunProcess(string file, IReadOnlyList<string> arguments, string workingDirectory, string? logFile)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {ToolTimeout}");
        }

        if (process.ExitCode != 0)
        {
            string log = logFile is not null && File.Exists(logFile) ? File.ReadAllText(logFile) : "";
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stdout.Result}{stderr.Result}{log}");
        }
    }
}
