using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>Starting one instance: <c>hyok serve</c> on the shared data folder and database with its own port and instance id.</summary>
internal sealed partial class HyokFleet
{
    private static ChildProcess StartInstance(EmbeddedDataFolder data, int index, FleetDatabase database)
    {
        var cli = database.Apply(data.Cli)
            .With("Hyok__Storage__InstanceId", FleetDatabase.InstanceId(index))
            .With("Hyok__Server__Listen__0", "127.0.0.1:0")
            .With("Hyok__Server__PingPath", PingPath)
            .With("Logging__LogLevel__Default", "Warning");
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
