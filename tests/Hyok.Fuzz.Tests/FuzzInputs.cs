using System.Text;

namespace Hyok.Fuzz;

/// <summary>The seed corpus fuzz/corpus/TARGET and dictionary fuzz/dict/TARGET.dict, copied next to the tests.</summary>
internal static class FuzzInputs
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "fuzz");

    /// <summary>Every corpus file of <paramref name="target"/>, in name order; a missing or empty corpus fails the test.</summary>
    public static string[] CorpusFiles(string target)
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(Root, "corpus", target)).Order(StringComparer.Ordinal)];
        Assert.NotEmpty(files);
        return files;
    }

    public static byte[][] Corpus(string target) => [.. CorpusFiles(target).Select(File.ReadAllBytes)];

    /// <summary>The tokens of an AFL++ dictionary: one <c>"value"</c> per line, <c>\xNN</c>, <c>\\</c> and <c>\"</c> escapes.</summary>
    public static byte[][] Dictionary(string target)
    {
        var tokens = new List<byte[]>();
        foreach (string line in File.ReadAllLines(Path.Combine(Root, "dict", target + ".dict")))
        {
            int open = line.IndexOf('"', StringComparison.Ordinal);
            if (line.StartsWith('#') || open < 0)
            {
                continue;
            }

            var token = new List<byte>();
            string body = line[(open + 1)..line.LastIndexOf('"')];
            for (int i = 0; i < body.Length; i++)
            {
                if (body[i] == '\\' && body[i + 1] == 'x')
                {
                    token.Add(Convert.ToByte(body.Substring(i + 2, 2), 16));
                    i += 3;
                }
                else
                {
                    i += body[i] == '\\' ? 1 : 0;
                    token.AddRange(Encoding.ASCII.GetBytes(body[i].ToString()));
                }
            }

            tokens.Add([.. token]);
        }

        Assert.NotEmpty(tokens);
        return [.. tokens];
    }
}
