using System.Diagnostics.CodeAnalysis;

namespace Hyok.Protocol;

/// <summary>Either a value or an <see cref="XksError"/>.</summary>
public readonly struct XksResult<T>
{
    private XksResult(T? value, XksError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public XksError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static XksResult<T> Success(T value) => new(value, null);

    public static XksResult<T> Failure(XksError error) => new(default, error);

    public static XksResult<T> Failure(XksErrorCode code) => new(default, XksError.Of(code));

    public static implicit operator XksResult<T>(XksError error) => Failure(error);

    public static implicit operator XksResult<T>(T value) => Success(value);

    /// <summary>Passes the error of this result on as the error of a result of another type.</summary>
    public XksResult<TOther> ErrorAs<TOther>() => XksResult<TOther>.Failure(Error ?? XksError.Of(XksErrorCode.InternalException));
}
