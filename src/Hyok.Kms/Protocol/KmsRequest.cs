using System.Text.Json;

namespace Hyok.Kms.Protocol;

/// <summary>
/// The JSON body of one KMS call, with the member rules of the JSON 1.1 protocol: a member of the wrong JSON
/// type is a <c>SerializationException</c>; a missing or out-of-range member is a <c>ValidationException</c>
/// (messages as AWS words them). Failures are thrown as <see cref="KmsException"/>.
/// </summary>
internal sealed partial class KmsRequest
{
    private readonly JsonElement _root;

    private KmsRequest(JsonElement root) => _root = root;

    /// <summary>Parses the body; empty is <c>{}</c>; anything but a JSON object is a <c>SerializationException</c>.</summary>
    public static KmsRequest Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return new KmsRequest(JsonDocument.Parse("{}").RootElement);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new KmsException(KmsErrors.Serialization("Start of structure or map found where not expected."));
            }

            return new KmsRequest(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new KmsException(KmsErrors.Serialization("The request body is not valid JSON."));
        }
    }

    private JsonElement? Member(string name, JsonValueKind kind)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False)
            ? value
            : throw new KmsException(KmsErrors.Serialization($"The value of {name} has the wrong JSON type."));
    }
}
