using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>Starting one instance: <c>hyok serve</c> on the shared data folder with its own port and audit folder.</summary>
internal sealed partial class HyokFleet
{
    private static string AuditDirectory(EmbeddedDataFolder data, int index) => data.Scratch($"audit-{HaproxyServer.ServerName(index)}");

    private static ChildProcess StartInstance(EmbeddedDataFolder data, int index, IReadOnlyDictionary<string, string>? storage)
    {
        var cli = data.Cli
            .With("Hyok__Server__Listen__0", "127.0.0.1:0")
            .With("Hyok__Server__PingPath", PingPath)
            .With("Hyok__Audit__Directory", AuditDirectory(data, index))
            .With("Logging__LogLevel__Default", "Warning");
        foreach (var (name, value) in storage ?? new Dictionary<string, string>())
        {
            cli = cli.With(name, value);
        }

        var start = new ProcessStartInfo(HyokCli.Dotnet);
        start.ArgumentList.Add(HyokCli.Dll);
        start.ArgumentList.Add("serve");
        cli.ApplyEnvironment(start);
        return ChildProcess.Start(start);
    }

    private static int Port(string listeningLine) => int.Parse(ListeningLine().Match(listeningLine).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Hyok XKS proxy is listening on https://127\.0\.0\.1:([0-9]+)")]
    private static partial Regex ListeningLine();
}
