namespace Hyok.Cli.Conformance;

/// <summary>The checks in the order they run: by xks-spec.md §12 item, except item 21, which looks back over the whole run.</summary>
internal static class ConformanceSuite
{
    public static IReadOnlyList<ConformanceCheck> Checks(ConformanceSettings settings) =>
    [
        .. HealthChecks.All(),
        .. MetadataChecks.All(),
        .. EncryptChecks.All(settings),
        .. DecryptChecks.All(),
        .. KeyUsageChecks.All(settings),
        .. RobustnessChecks.All(),
        .. SigV4Checks.All(),
        .. Optional(settings, TlsChecks.All()),
        .. Optional(settings, HttpVersionChecks.All()),
        ErrorBodyChecks.All(),
    ];

    /// <summary>The slow and optional checks run with <c>--all</c>; without, they are listed as skipped.</summary>
    private static IEnumerable<ConformanceCheck> Optional(ConformanceSettings settings, IEnumerable<ConformanceCheck> checks) =>
        settings.All ? checks : checks.Select(c => ConformanceCheck.Skipped(c.Id, c.Name, "slow/optional: run with --all"));
}
