namespace Hyok.Cli.Bench;

/// <summary>The XKS operation a benchmark repeats (xks-spec.md §4).</summary>
internal enum BenchOperation
{
    Encrypt,
    Decrypt,
    Health,
    Metadata,
}
