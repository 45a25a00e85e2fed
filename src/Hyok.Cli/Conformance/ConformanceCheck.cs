namespace Hyok.Cli.Conformance;

/// <summary>One check of the suite: its id (the xks-spec.md §12 item, a letter for each part), a name and what it does.</summary>
internal sealed record ConformanceCheck(string Id, string Name, Func<ConformanceProbe, Task<CheckVerdict>> RunAsync)
{
    /// <summary>A check that cannot run with the options given; it is listed as SKIP with the reason.</summary>
    public static ConformanceCheck Skipped(string id, string name, string reason) =>
        new(id, name, _ => Task.FromResult(CheckVerdict.Skip(reason)));
}
