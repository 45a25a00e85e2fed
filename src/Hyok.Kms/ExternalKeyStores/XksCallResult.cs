using System.Diagnostics.CodeAnalysis;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>The outcome of one proxy call: a value or an <see cref="XksProxyFailure"/>, with the kmsRequestId it was sent with.</summary>
public sealed class XksCallResult<T>
{
    private XksCallResult(T? value, XksProxyFailure? failure, string kmsRequestId)
    {
        Value = value;
        Failure = failure;
        KmsRequestId = kmsRequestId;
    }

    public T? Value { get; }

    public XksProxyFailure? Failure { get; }

    /// <summary>The <c>kmsRequestId</c> sent in <c>requestMetadata</c> (the proxy logs it, xks-spec.md §3.1).</summary>
    public string KmsRequestId { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static XksCallResult<T> Success(T value, string kmsRequestId) => new(value, null, kmsRequestId);

    public static XksCallResult<T> Failed(XksProxyFailure failure, string kmsRequestId) => new(default, failure, kmsRequestId);
}
