using System.Globalization;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Database;

/// <summary><c>hyok db status</c>: exit 0, or 1 when the database holds a migration this Hyok does not know or a changed checksum.</summary>
internal static partial class DbCommand
{
    private static async Task<int> StatusAsync(string? configOption, CancellationToken cancellationToken)
    {
        if (Load(configOption) is not { } options)
        {
            return 0;
        }

        await using var connector = PostgreSqlConnector.Create(options);
        var status = await new PostgreSqlMigrator(connector, TimeProvider.System).StatusAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Database:   {status.Target}");
        Console.WriteLine($"Server:     PostgreSQL {status.ServerVersion}");
        Console.WriteLine(status.Applied.Count == 0 ? "Applied:    none" : "Applied:");
        foreach (var row in status.Applied)
        {
            string at = row.AppliedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            Console.WriteLine($"  {row.Version,4}  {row.Name,-24}  {at}  sha256:{row.Checksum[..Math.Min(12, row.Checksum.Length)]}");
        }

        Console.WriteLine(status.Pending.Count == 0 ? "Pending:    none" : "Pending:");
        foreach (var migration in status.Pending)
        {
            Console.WriteLine($"  {migration.Version,4}  {migration.Name}");
        }

        foreach (var problem in status.Problems)
        {
            await Console.Error.WriteLineAsync($"hyok: {problem}").ConfigureAwait(false);
        }

        return status.Problems.Count == 0 ? 0 : 1;
    }
}
