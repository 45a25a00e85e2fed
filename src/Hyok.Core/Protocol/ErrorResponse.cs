namespace Hyok.Protocol;

/// <summary>The error body of xks-spec.md §6.1.</summary>
public sealed record ErrorResponse(string ErrorName, string ErrorMessage);
