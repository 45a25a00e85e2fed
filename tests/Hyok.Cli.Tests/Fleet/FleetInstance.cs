using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>One <c>hyok serve</c> process of a <see cref="HyokFleet"/>: its port on 127.0.0.1 and its own audit folder.</summary>
internal sealed class FleetInstance(ChildProcess process, int port, string auditDirectory)
{
    public ChildProcess Process => process;

    public int Port => port;

    public string AuditDirectory => auditDirectory;

    /// <summary>The <c>kmsRequestId</c> of every complete record in this instance's audit trail.</summary>
    public HashSet<string> AuditedRequestIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(auditDirectory) ? Directory.GetFiles(auditDirectory, "audit-*.jsonl") : [])
        {
            // A record being appended may be incomplete: only lines that end in a newline count.
            foreach (var line in File.ReadAllText(file).Split('\n')[..^1])
            {
                if (JsonNode.Parse(line)?["kmsRequestId"]?.GetValue<string>() is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}
