namespace Hyok.Fuzz;

/// <summary>
/// The fuzz targets by name (docs/security.md, "Fuzzing"). Each takes one input and returns normally for any input;
/// an exception (including <see cref="FuzzInvariantException"/>) or a hang is a crash.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The names scripts/fuzz and the corpus folders fuzz/corpus/NAME use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["xks-request", "sigv4", "crypto-fields"];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static Action<byte[]>? Find(string name) => name switch
    {
        "xks-request" => XksRequestTarget.Run,
        "sigv4" => SigV4Target.Run,
        "crypto-fields" => CryptoFieldsTarget.Run,
        _ => null,
    };
}
