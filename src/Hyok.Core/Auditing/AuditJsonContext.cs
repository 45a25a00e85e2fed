using System.Text.Json.Serialization;

namespace Hyok.Auditing;

/// <summary>
/// Source-generated JSON of the audit trail: camelCase, nulls omitted, one line, unknown members ignored when
/// reading (forward compatibility; the verifier hashes the raw bytes, so tolerance here hides no edit).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(AuditLine))]
[JsonSerializable(typeof(AuditHead))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
