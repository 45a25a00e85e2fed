namespace Hyok.Fuzz;

/// <summary>
/// A small deterministic mutator in the manner of AFL's havoc stage (bit flips, interesting bytes, inserted, deleted
/// and duplicated ranges, dictionary tokens, splices of two inputs), for the bounded CI run of the fuzz targets.
/// </summary>
internal sealed class Mutator(int seed, byte[][] corpus, byte[][] dictionary)
{
    private static readonly byte[] Interesting = [0, 1, 0x7F, 0x80, 0xFF, (byte)'"', (byte)'\\', (byte)'\n', (byte)' ', (byte)'=', 0xC3, 0xED];

    private readonly Random random = new(seed);

    public byte[] Next()
    {
        var data = new List<byte>(corpus[random.Next(corpus.Length)]);
        for (int edits = 1 << random.Next(0, 4); edits > 0; edits--)
        {
            Edit(data);
        }

        return [.. data];
    }

    private void Edit(List<byte> data)
    {
        int at = random.Next(data.Count + 1);
        int length = Math.Min(data.Count - at, random.Next(1, 17));
        switch (random.Next(8))
        {
            case 0 when at < data.Count: data[at] ^= (byte)(1 << random.Next(8)); break;
            case 1 when at < data.Count: data[at] = Interesting[random.Next(Interesting.Length)]; break;
            case 2: data.InsertRange(at, dictionary[random.Next(dictionary.Length)]); break;
            case 3 when length > 0: data.RemoveRange(at, length); break;
            case 4 when length > 0: data.InsertRange(random.Next(data.Count + 1), data.GetRange(at, length)); break;
            case 5: data.Insert(at, (byte)random.Next(256)); break;
            case 6:
                byte[] other = corpus[random.Next(corpus.Length)];
                int from = random.Next(other.Length + 1);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(from).ToArray());
                break;
            default:
                data.InsertRange(at, Enumerable.Repeat(Interesting[random.Next(Interesting.Length)], random.Next(1, 600)));
                break;
        }
    }
}
