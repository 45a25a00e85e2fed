using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hyok.Protocol;

/// <summary>
/// Turns a raw request body into a validated command (xks-spec.md §6.3 step 4): not JSON, wrong types,
/// missing required fields, bad Base64, unsupported algorithms → ValidationException; sizes above
/// <see cref="XksLimits"/> → UnsupportedOperationException.
/// </summary>
public static partial class RequestParser
{
    private const string AesGcm = "AES_GCM";
    private const string Sha256 = "SHA_256";

    public static XksResult<RequestMetadata> ParseHealth(ReadOnlySpan<byte> body)
    {
        var request = Deserialize(body, XksJsonContext.Default.MetadataOnlyRequest);
        return request.IsSuccess ? RequireMetadata(request.Value.RequestMetadata, MetadataShape.Health) : request.ErrorAs<RequestMetadata>();
    }

    public static XksResult<RequestMetadata> ParseKeyMetadata(ReadOnlySpan<byte> body)
    {
        var request = Deserialize(body, XksJsonContext.Default.MetadataOnlyRequest);
        return request.IsSuccess ? RequireMetadata(request.Value.RequestMetadata, MetadataShape.KeyMetadata) : request.ErrorAs<RequestMetadata>();
    }

    private static XksResult<T> Deserialize<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            return value is null ? XksError.Validation("The request body must be a JSON object.") : value;
        }
        catch (JsonException)
        {
            return XksError.Validation("The request body is not valid JSON of the expected shape.");
        }
    }

    private static XksResult<RequestMetadata> RequireMetadata(RequestMetadata? metadata, MetadataShape shape)
    {
        if (metadata is null)
        {
            return XksError.Validation("requestMetadata is required.");
        }

        var missing = shape switch
        {
            _ when metadata.KmsRequestId is null => "kmsRequestId",
            _ when metadata.KmsOperation is null => "kmsOperation",
            not MetadataShape.Health when metadata.AwsPrincipalArn is null => "awsPrincipalArn",
            MetadataShape.Crypto when metadata.KmsKeyArn is null => "kmsKeyArn",
            _ => null,
        };
        return missing is null ? metadata : XksError.Validation($"requestMetadata.{missing} is required.");
    }

    private enum MetadataShape
    {
        Health,
        KeyMetadata,
        Crypto,
    }
}
