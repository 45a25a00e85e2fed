namespace Hyok.Cli.Tests.Fleet;

/// <summary>One request of a load run: when it started and ended (since the run began), and how it ended.</summary>
/// <param name="Detail">The HTTP status, or the exception type when there was no answer.</param>
internal sealed record LoadOutcome(string RequestId, TimeSpan Start, TimeSpan End, bool Succeeded, string Detail)
{
    /// <summary>Started before <paramref name="to"/> and not answered before <paramref name="from"/>.</summary>
    public bool InFlightDuring(TimeSpan from, TimeSpan to) => Start <= to && End >= from;

    public override string ToString() => $"{RequestId} {Start.TotalMilliseconds:F0}-{End.TotalMilliseconds:F0} ms {Detail}";
}
