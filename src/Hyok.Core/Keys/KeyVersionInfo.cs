namespace Hyok.Keys;

/// <summary>One version of an external key's material (decision 0010). Never the material itself.</summary>
/// <param name="Version">1 for the key's first material, then 2, 3... in rotation order; never reused.</param>
/// <param name="CreatedAt">When this version was made.</param>
/// <param name="RetiredAt">When its material was destroyed; null while it is live (usable for Decrypt).</param>
/// <param name="IsCurrent">True for the version Encrypt uses.</param>
public sealed record KeyVersionInfo(int Version, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, bool IsCurrent);
