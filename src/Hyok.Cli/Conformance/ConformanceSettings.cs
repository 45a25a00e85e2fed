namespace Hyok.Cli.Conformance;

/// <summary>What the run covers beyond the default checks: the slow/optional ones, and keys in special states.</summary>
/// <param name="All">Also the slow and optional checks (TLS versions, HTTP versions, 4300-byte limits).</param>
/// <param name="EncryptOnlyKeyId">A key whose usage is encrypt only (xks-spec.md §12 item 18).</param>
/// <param name="DecryptOnlyKeyId">A key whose usage is decrypt only (item 18).</param>
/// <param name="DisabledKeyId">A disabled key (item 19).</param>
internal sealed record ConformanceSettings(bool All, string? EncryptOnlyKeyId, string? DecryptOnlyKeyId, string? DisabledKeyId);
