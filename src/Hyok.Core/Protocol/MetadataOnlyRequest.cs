namespace Hyok.Protocol;

/// <summary>The body of GetHealthStatus and GetKeyMetadata: only <c>requestMetadata</c> (xks-spec.md §4.1, §4.4).</summary>
public sealed class MetadataOnlyRequest
{
    public RequestMetadata? RequestMetadata { get; init; }
}
