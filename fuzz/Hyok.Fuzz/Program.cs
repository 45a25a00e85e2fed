using SharpFuzz;

namespace Hyok.Fuzz;

/// <summary>
/// <c>Hyok.Fuzz TARGET</c> runs TARGET under AFL++ (SharpFuzz's out-of-process fork server; see scripts/fuzz);
/// <c>Hyok.Fuzz TARGET FILE...</c> runs the given inputs once each and reports which crash (triage, reproduction).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
        {
            Console.Error.WriteLine($"usage: Hyok.Fuzz TARGET [FILE...]   (targets: {string.Join(", ", FuzzTargets.Names)})");
            return 2;
        }

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                target(buffer.ToArray());
            });
            return 0;
        }

        return Replay.Files(target, args[1..]);
    }
}
