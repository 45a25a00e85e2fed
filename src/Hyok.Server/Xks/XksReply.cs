using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>A finished response: status, single-line JSON body, and the spec error (if any) for logging.</summary>
internal sealed record XksReply(int Status, byte[] Body, XksErrorCode? Error)
{
    public static XksReply Ok<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), null);

    public static XksReply Failure(XksError error) => Failure(error, XksErrors.StatusOf(error.Code));

    /// <summary>An error body (xks-spec.md §6.1); the message is forced to printable ASCII under 512 characters.</summary>
    public static XksReply Failure(XksError error, int status)
    {
        var body = new ErrorResponse(XksErrors.NameOf(error.Code), SafeMessage(error.Message));
        return new(status, JsonSerializer.SerializeToUtf8Bytes(body, XksJsonContext.Default.ErrorResponse), error.Code);
    }

    public static XksReply Failure(XksErrorCode code) => Failure(XksError.Of(code));

    private static string SafeMessage(string message)
    {
        var printable = string.Create(Math.Min(message.Length, 511), message, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
        return printable;
    }
}
