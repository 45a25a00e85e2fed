using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Hyok.Fuzz;

/// <summary>Runs an FsCheck property a fixed number of times from a fixed seed, so that CI runs the same cases every time.</summary>
internal static class PropertyCheck
{
    public static void ForAll<T>(Gen<T> generator, Action<T> property, int seed, int count = 500)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<FsCheck.Replay>.Some(new FsCheck.Replay(new Rnd((ulong)seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Check.One(config, Prop.ForAll(generator.ToArbitrary(), property));
    }

    /// <summary>Strings over <paramref name="alphabet"/> up to <paramref name="maxLength"/> long: small alphabets find edge cases.</summary>
    public static Gen<string> Text(string alphabet, int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(chars => new string(chars));

    public static Gen<byte[]> Bytes(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));
}
