using System.Text.Json.Serialization;

namespace Hyok.Protocol;

/// <summary>
/// Source-generated JSON for the XKS wire (xks-spec.md §13): camelCase, case-sensitive, unknown members
/// ignored, nulls omitted, single-line output.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(MetadataOnlyRequest))]
[JsonSerializable(typeof(EncryptRequest))]
[JsonSerializable(typeof(DecryptRequest))]
[JsonSerializable(typeof(HealthStatusResponse))]
[JsonSerializable(typeof(KeyMetadataResponse))]
[JsonSerializable(typeof(EncryptResponse))]
[JsonSerializable(typeof(DecryptResponse))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class XksJsonContext : JsonSerializerContext;
