using System.Globalization;

namespace Hyok.Cli.Bench;

/// <summary>
/// What a run sends: one operation, or a weighted mix (<c>--mix encrypt=70,decrypt=25,metadata=4,health=1</c>).
/// Request number <c>n</c> gets entry <c>n</c> of a fixed cycle in which each operation appears exactly its weight
/// times, interleaved (smooth weighted round robin), so every second of a run sends the same mix and runs repeat.
/// </summary>
internal sealed class BenchMix
{
    public const int MaxWeight = 1000;

    private readonly BenchOperation[] _cycle;

    private BenchMix(IReadOnlyList<(BenchOperation Operation, int Weight)> weights)
    {
        Weights = weights;
        _cycle = BenchMixCycle.Interleave(weights);
    }

    public IReadOnlyList<(BenchOperation Operation, int Weight)> Weights { get; }

    public IEnumerable<BenchOperation> Operations => Weights.Select(w => w.Operation);

    /// <summary>The operation's name for one operation, else <c>mix</c>.</summary>
    public string Name => Weights.Count == 1 ? NameOf(Weights[0].Operation) : "mix";

    /// <summary>E.g. <c>encrypt=70,decrypt=25</c>.</summary>
    public string Text => string.Join(',', Weights.Select(w => string.Create(CultureInfo.InvariantCulture, $"{NameOf(w.Operation)}={w.Weight}")));

    public BenchOperation this[long sequence] => _cycle[sequence % _cycle.Length];

    public bool Includes(BenchOperation operation) => Weights.Any(w => w.Operation == operation);

    public static BenchMix Single(BenchOperation operation) => new([(operation, 1)]);

    public static string NameOf(BenchOperation operation) => operation.ToString().ToLowerInvariant();

    /// <summary>Parses <c>NAME=WEIGHT,...</c>; a weight of 0 leaves the operation out. Throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static BenchMix Parse(string text)
    {
        var weights = new List<(BenchOperation, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Enum.TryParse<BenchOperation>(pair[0], ignoreCase: true, out var operation) || int.TryParse(pair[0], out _))
            {
                throw new FormatException($"--mix: '{part}' is not NAME=WEIGHT with NAME one of encrypt, decrypt, metadata, health.");
            }

            if (!int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > MaxWeight)
            {
                throw new FormatException($"--mix: the weight of {pair[0]} must be a whole number 0-{MaxWeight}, not '{pair[1]}'.");
            }

            if (weights.Exists(w => w.Item1 == operation))
            {
                throw new FormatException($"--mix: {pair[0]} is given twice.");
            }

            weights.Add((operation, weight));
        }

        weights.RemoveAll(w => w.Item2 == 0);
        return weights.Count > 0 ? new BenchMix(weights) : throw new FormatException("--mix needs at least one operation with a weight above 0.");
    }
}
