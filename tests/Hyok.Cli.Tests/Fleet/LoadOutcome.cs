namespace Hyok.Cli.Tests.Fleet;

/// <summary>One request of a load run: when it started and ended (since the run began), and how it ended.</summary>
/// <param name="Detail">The HTTP status (and errorName), or the exception type when there was no answer.</param>
/// <param name="ErrorName">The answer's <c>errorName</c> when it was an error answer with one.</param>
internal sealed record LoadOutcome(string RequestId, TimeSpan Start, TimeSpan End, bool Succeeded, string Detail, string? ErrorName = null)
{
    /// <summary>Started before <paramref name="to"/> and not answered before <paramref name="from"/>.</summary>
    public bool InFlightDuring(TimeSpan from, TimeSpan to) => Start <= to && End >= from;

    public TimeSpan Duration => End - Start;

    public override string ToString() => $"{RequestId} {Start.TotalMilliseconds:F0}-{End.TotalMilliseconds:F0} ms {Detail}";
}
