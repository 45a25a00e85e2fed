using System.Globalization;

namespace Hyok.Server.Tests.Support;

/// <summary>The seed of a generated run: <c>HYOK_ROBUST_SEED</c> when set (to reproduce a failure), else a fresh one.</summary>
public static class RobustnessSeed
{
    public const string Variable = "HYOK_ROBUST_SEED";

    public static int Get() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();

    public static string Describe(int seed) => $"seed {seed} (rerun with {Variable}={seed})";
}
