using System.CommandLine;
using Hyok.Cli.Bench;

namespace Hyok.Cli.Commands;

/// <summary>The options of <c>hyok bench</c> whose values are checked by parsing them.</summary>
internal sealed partial class BenchOptions
{
    private static Option<string?> MixOption()
    {
        var option = new Option<string?>("--mix")
        {
            Description = $"Weighted mix instead of --operation, e.g. encrypt=70,decrypt=25,metadata=4,health=1 (weights 0-{BenchMix.MaxWeight}).",
        };
        option.Validators.Add(result =>
        {
            try
            {
                BenchMix.Parse(result.GetValueOrDefault<string?>() ?? "");
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }

    private static Option<double?> SloOption()
    {
        var option = new Option<double?>("--slo-p99-ms")
        {
            Description = $"Judge the run: p99 latency at most this many ms, ≥ 99 % successful, and with --rate an achieved rate ≥ 99 % of it; exit 1 on FAIL. Default with --rate: {BenchSlo.DefaultP99Ms}.",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && !(value > 0 && value <= 3_600_000))
            {
                result.AddError($"--slo-p99-ms must be above 0, not {value}.");
            }
        });
        return option;
    }
}
