namespace Hyok.Protocol;

/// <summary>An expected, spec-defined failure (xks-spec.md §6). Carried as a value, never thrown.</summary>
/// <param name="Code">The spec error.</param>
/// <param name="Message">Printable ASCII under 512 characters; never contains request data or secrets.</param>
public sealed record XksError(XksErrorCode Code, string Message)
{
    public static XksError Of(XksErrorCode code) => new(code, XksErrors.DefaultMessageOf(code));

    public static XksError Validation(string message) => new(XksErrorCode.ValidationException, message);
}
