namespace Hyok.Auditing;

/// <summary>
/// What <c>hyok audit search</c> looks for; every criterion that is set must match (null = any). Text criteria match
/// exactly (ordinal); <see cref="Outcome"/> ignores case; the time range is inclusive.
/// </summary>
public sealed record AuditFilter
{
    public string? KmsRequestId { get; init; }

    /// <summary>Matches the externalKeyId or the KMS key ARN.</summary>
    public string? Key { get; init; }

    public string? Principal { get; init; }

    public string? KeyStore { get; init; }

    public string? Outcome { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        return Same(KmsRequestId, e.KmsRequestId)
            && (Key is null || Key == e.ExternalKeyId || Key == e.KmsKeyArn)
            && Same(Principal, e.AwsPrincipalArn)
            && Same(KeyStore, e.KeyStore)
            && (Outcome is null || string.Equals(Outcome, e.Outcome, StringComparison.OrdinalIgnoreCase))
            && (Since is null || e.Time >= Since)
            && (Until is null || e.Time <= Until);
    }

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.Ordinal);
}
