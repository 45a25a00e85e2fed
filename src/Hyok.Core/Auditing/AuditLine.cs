using System.Globalization;

namespace Hyok.Auditing;

/// <summary>
/// One audit trail line as serialized: <c>seq</c> and <c>prev</c> first, then the <see cref="AuditEvent"/> fields in a
/// fixed order (declaration order; System.Text.Json source generation keeps it), camelCase, nulls omitted.
/// </summary>
internal sealed record AuditLine
{
    public long Seq { get; init; }

    public string? Prev { get; init; }

    public string? Time { get; init; }

    public string? KeyStore { get; init; }

    public string? XksOperation { get; init; }

    public string? ExternalKeyId { get; init; }

    public int? KeyVersion { get; init; }

    public string? KmsRequestId { get; init; }

    public string? KmsOperation { get; init; }

    public string? AwsPrincipalArn { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? KmsViaService { get; init; }

    public string? AwsSourceVpc { get; init; }

    public string? AwsSourceVpce { get; init; }

    public string? AccessKeyId { get; init; }

    public string? SourceIp { get; init; }

    public int Status { get; init; }

    public string? Outcome { get; init; }

    public string? Decision { get; init; }

    public double LatencyMs { get; init; }

    /// <summary>ISO-8601 UTC with milliseconds, e.g. <c>2026-11-28T20:26:17.123Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) => AuditChain.FormatTime(time);

    public static AuditLine From(long seq, string prev, AuditEvent e) => new()
    {
        Seq = seq,
        Prev = prev,
        Time = FormatTime(e.Time),
        KeyStore = e.KeyStore,
        XksOperation = e.XksOperation,
        ExternalKeyId = e.ExternalKeyId,
        KeyVersion = e.KeyVersion,
        KmsRequestId = e.KmsRequestId,
        KmsOperation = e.KmsOperation,
        AwsPrincipalArn = e.AwsPrincipalArn,
        KmsKeyArn = e.KmsKeyArn,
        KmsViaService = e.KmsViaService,
        AwsSourceVpc = e.AwsSourceVpc,
        AwsSourceVpce = e.AwsSourceVpce,
        AccessKeyId = e.AccessKeyId,
        SourceIp = e.SourceIp,
        Status = e.Status,
        Outcome = e.Outcome,
        Decision = e.Decision,
        LatencyMs = Math.Round(e.LatencyMilliseconds, 3, MidpointRounding.AwayFromZero),
    };

    /// <summary>Tolerant: a missing or unparsable time becomes <see cref="DateTimeOffset.MinValue"/>, a missing outcome "".</summary>
    public AuditEvent ToEvent() => new()
    {
        Time = DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : DateTimeOffset.MinValue,
        KeyStore = KeyStore,
        XksOperation = XksOperation,
        ExternalKeyId = ExternalKeyId,
        KeyVersion = KeyVersion,
        KmsRequestId = KmsRequestId,
        KmsOperation = KmsOperation,
        AwsPrincipalArn = AwsPrincipalArn,
        KmsKeyArn = KmsKeyArn,
        KmsViaService = KmsViaService,
        AwsSourceVpc = AwsSourceVpc,
        AwsSourceVpce = AwsSourceVpce,
        AccessKeyId = AccessKeyId,
        SourceIp = SourceIp,
        Status = Status,
        Outcome = Outcome ?? "",
        Decision = Decision,
        LatencyMilliseconds = LatencyMs,
    };
}
