namespace Hyok.Cli.Bench;

/// <summary>The cycle of a <see cref="BenchMix"/>: weights divided by their greatest common divisor, interleaved.</summary>
internal static class BenchMixCycle
{
    /// <summary>
    /// Smooth weighted round robin (as nginx balances upstreams): each step adds every weight to its operation's
    /// credit and picks the largest credit, which then pays the total. Over one cycle each operation is picked exactly
    /// its weight times, spread out rather than in runs.
    /// </summary>
    public static BenchOperation[] Interleave(IReadOnlyList<(BenchOperation Operation, int Weight)> weights)
    {
        var divisor = weights.Select(w => w.Weight).Aggregate(0, Gcd);
        var reduced = weights.Select(w => w.Weight / divisor).ToArray();
        var total = reduced.Sum();
        var credit = new long[reduced.Length];
        var cycle = new BenchOperation[total];
        for (var step = 0; step < total; step++)
        {
            var pick = 0;
            for (var i = 0; i < reduced.Length; i++)
            {
                credit[i] += reduced[i];
                if (credit[i] > credit[pick])
                {
                    pick = i;
                }
            }

            credit[pick] -= total;
            cycle[step] = weights[pick].Operation;
        }

        return cycle;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
