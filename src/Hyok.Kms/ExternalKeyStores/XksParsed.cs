namespace Hyok.Kms.ExternalKeyStores;

/// <summary>A response body read into a value, or the reason it could not be.</summary>
internal readonly record struct XksParsed<T>(T? Value, XksProxyFailure? Failure)
{
    public static XksParsed<T> Ok(T value) => new(value, null);

    public static XksParsed<T> Fail(XksProxyFailure failure) => new(default, failure);
}
