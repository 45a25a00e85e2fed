namespace Hyok.Fuzz;

/// <summary>
/// The bounded CI run: a fixed number of deterministic mutations (<see cref="Mutator"/>, fixed seeds) of each target's
/// corpus and dictionary through the target. Zero crashes; a crash names the input in Base64 so that it can be saved
/// as fuzz/corpus/TARGET/crash-NAME (docs/security.md, "Fuzzing").
/// </summary>
public sealed class FuzzMutationTests
{
    private const int Inputs = 12_000;

    [Theory]
    [InlineData("xks-request", 101)]
    [InlineData("sigv4", 202)]
    [InlineData("crypto-fields", 303)]
    public async Task Run_MutatedCorpus_NoCrashes(string target, int seed)
    {
        var mutator = new Mutator(seed, FuzzInputs.Corpus(target), FuzzInputs.Dictionary(target));
        var crashes = new List<string>();

        // A hang guard (TimeoutException), not a speed check: the run takes seconds; minutes mean a target loops.
        await Task.Run(() => RunAll(target, mutator, crashes)).WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(crashes.Count == 0, $"{target} crashed on:\n{string.Join('\n', crashes)}");
    }

    private static void RunAll(string target, Mutator mutator, List<string> crashes)
    {
        Action<byte[]> run = FuzzTargets.Find(target)!;
        for (int i = 0; i < Inputs && crashes.Count < 5; i++)
        {
            byte[] input = mutator.Next();
            try
            {
                run(input);
            }
#pragma warning disable CA1031 // Any exception is a crash to report.
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashes.Add($"input #{i} ({e.GetType().Name}: {e.Message}): {Convert.ToBase64String(input)}");
            }
        }
    }
}
