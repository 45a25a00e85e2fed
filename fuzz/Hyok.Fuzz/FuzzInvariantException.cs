namespace Hyok.Fuzz;

/// <summary>
/// A target found Hyok breaking one of its own rules on some input (a wrong error kind, an unsafe message, two code
/// paths disagreeing). Thrown so that the fuzzer records the input as a crash, like any other escaping exception.
/// </summary>
internal sealed class FuzzInvariantException : Exception
{
    public FuzzInvariantException()
    {
    }

    public FuzzInvariantException(string message)
        : base(message)
    {
    }

    public FuzzInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(rule);
        }
    }
}
