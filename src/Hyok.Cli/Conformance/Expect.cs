namespace Hyok.Cli.Conformance;

/// <summary>Turns an answer into a verdict against the status and error the spec names.</summary>
internal static class Expect
{
    /// <summary>The error answer <paramref name="status"/> <paramref name="errorName"/>, with a body that keeps <see cref="ErrorBodyRule"/>.</summary>
    public static CheckVerdict Error(XksAnswer answer, int status, string errorName)
    {
        var expected = $"{status} {errorName}";
        if (answer.Status != status || answer.ErrorName() != errorName)
        {
            return CheckVerdict.Fail(expected, answer.Describe());
        }

        return ErrorBodyRule.Problem(answer) is { } problem
            ? CheckVerdict.Fail($"{expected}, {ErrorBodyRule.Description}", $"{expected}, but {problem}")
            : CheckVerdict.Pass(expected, expected);
    }

    /// <summary>A bare status (405 has no error body in the spec, xks-spec.md §1).</summary>
    public static CheckVerdict Status(XksAnswer answer, int status) =>
        CheckVerdict.Of(answer.Status == status, status.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Describe());

    /// <summary>Pass when the answer is 200; <paramref name="what"/> names the step in a failure.</summary>
    public static CheckVerdict Success(XksAnswer answer, string what) =>
        CheckVerdict.Of(answer.IsSuccess, $"{what}: 200", $"{what}: {answer.Describe()}");
}
