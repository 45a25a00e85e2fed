using Hyok.Cli.Database;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Commands;

/// <summary>
/// Where <c>hyok audit</c> finds the trail: <c>--dir</c>; else, per the configuration, the fleet's <c>audit_records</c>
/// when <c>Hyok:Storage:Provider</c> is postgresql, or the folder <c>Hyok:Audit:Directory</c>.
/// </summary>
internal sealed record AuditTrailLocation(string? Directory, PostgreSqlStorageOptions? PostgreSql)
{
    public static AuditTrailLocation Find(string? directoryOption, string? configOption, string? instanceOption = null)
    {
        AuditTrailLocation location;
        if (directoryOption is not null)
        {
            location = new(Path.GetFullPath(directoryOption), null);
        }
        else
        {
            var (_, options) = ConfiguredStorage.Load(configOption);
            location = options.Storage.IsPostgreSql ? new(null, options.Storage.PostgreSql) : new(options.Audit.Directory, null);
        }

        if (location.Directory is { } directory)
        {
            if (instanceOption is not null)
            {
                throw new CliException("--instance applies to the audit trail in PostgreSQL (Hyok:Storage:Provider postgresql); this trail is the folder " + directory);
            }

            if (!System.IO.Directory.Exists(directory))
            {
                throw new CliException($"No audit trail at {directory} (nothing audited yet, or pass --dir DIR).");
            }
        }

        return location;
    }

    /// <summary>The records of this trail; the caller disposes it.</summary>
    public IAuditSource Open(string? instanceOption) => PostgreSql is { } storage
        ? new PostgreSqlAuditSource(PostgreSqlConnector.Create(storage), instanceOption)
        : new FileAuditSource(Directory!);
}
