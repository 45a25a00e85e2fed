using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// The migrations this build knows: the embedded <c>Migrations/NNNN_name.sql</c> files, in version order. The checksum is
/// over the SQL with line ends normalised to <c>\n</c>, so a checkout's line-end setting does not change it.
/// </summary>
internal static class PostgreSqlMigrations
{
    private const string Prefix = "hyok.postgresql.";

    private static readonly Lazy<IReadOnlyList<PostgreSqlMigration>> Loaded = new(Load);

    public static IReadOnlyList<PostgreSqlMigration> All => Loaded.Value;

    /// <summary>The highest version this build knows.</summary>
    public static int Latest => All[^1].Version;

    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static List<PostgreSqlMigration> Load()
    {
        var assembly = typeof(PostgreSqlMigrations).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();

        // Versions are 1, 2, 3... with no gap or duplicate: a build error otherwise, caught by the tests.
        for (int i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"PostgreSQL migrations must be numbered 1, 2, 3...; found {migrations[i].Version} at position {i + 1}");
            }
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("no embedded PostgreSQL migrations");
    }

    private static PostgreSqlMigration Read(Assembly assembly, string resource)
    {
        string file = resource[Prefix.Length..^".sql".Length];
        int underscore = file.IndexOf('_', StringComparison.Ordinal);
        int version = int.Parse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
        string sql = reader.ReadToEnd();
        return new PostgreSqlMigration(version, file[(underscore + 1)..], Checksum(sql)) { Sql = sql };
    }
}
