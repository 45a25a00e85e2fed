namespace Hyok.Fuzz;

/// <summary>
/// Every input of fuzz/corpus, the spec's examples and each crash ever found (kept as <c>crash-*</c>), through the very
/// target the fuzzer runs (docs/security.md, "Fuzzing"): none may throw.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (string target in FuzzTargets.Names)
        {
            foreach (string file in FuzzInputs.CorpusFiles(target))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Run_CorpusFile_DoesNotCrash(string target, string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus", target, file));

        FuzzTargets.Find(target)!(input);
    }

    [Fact]
    public void Names_EveryTarget_HasCorpusAndDictionary()
    {
        Assert.Equal(["xks-request", "sigv4", "crypto-fields"], FuzzTargets.Names);
        Assert.All(FuzzTargets.Names, name => Assert.NotNull(FuzzTargets.Find(name)));
        Assert.All(FuzzTargets.Names, name => Assert.NotEmpty(FuzzInputs.Dictionary(name)));
        Assert.Null(FuzzTargets.Find("no-such-target"));
    }
}
