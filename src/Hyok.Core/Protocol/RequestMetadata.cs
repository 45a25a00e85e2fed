namespace Hyok.Protocol;

/// <summary>
/// The <c>requestMetadata</c> object common to all requests (xks-spec.md §3.1). Unknown members are
/// ignored; values are opaque strings used for logging and secondary authorization only.
/// </summary>
public sealed class RequestMetadata
{
    public string? AwsPrincipalArn { get; init; }

    public string? AwsSourceVpc { get; init; }

    public string? AwsSourceVpce { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? KmsOperation { get; init; }

    public string? KmsRequestId { get; init; }

    public string? KmsViaService { get; init; }
}
