namespace Hyok.Fuzz;

/// <summary>Runs inputs through a target once each, outside any fuzzer, and prints every crash with its exception.</summary>
internal static class Replay
{
    public static int Files(Action<byte[]> target, IEnumerable<string> paths)
    {
        int crashes = 0, runs = 0;
        foreach (string path in paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p) : [p]).Order(StringComparer.Ordinal))
        {
            runs++;
            try
            {
                target(File.ReadAllBytes(path));
            }
#pragma warning disable CA1031 // Reporting every crash is the point.
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashes++;
                Console.WriteLine($"CRASH {path}: {e}");
            }
        }

        Console.WriteLine($"{runs} inputs, {crashes} crashes");
        return crashes == 0 ? 0 : 1;
    }
}
