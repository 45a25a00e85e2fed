namespace Hyok.Protocol;

/// <summary>GetKeyMetadata response (xks-spec.md §4.1).</summary>
public sealed record KeyMetadataResponse(string KeySpec, IReadOnlyList<string> KeyUsage, string KeyStatus);
