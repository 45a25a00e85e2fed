using System.Text.Json;

namespace Hyok.Fuzz;

internal static partial class CryptoFieldsTarget
{
    /// <summary>A Decrypt body (xks-spec.md §4.3) with the spec's requestMetadata and the given fields as JSON strings; null fields are left out.</summary>
    private static byte[] DecryptBody(string?[] fields)
    {
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartObject("requestMetadata");
            json.WriteString("awsPrincipalArn", "arn:aws:iam::123456789012:user/Alice");
            json.WriteString("kmsKeyArn", "arn:aws:kms:us-east-2:123456789012:/key/1234abcd-12ab-34cd-56ef-1234567890ab");
            json.WriteString("kmsOperation", "Decrypt");
            json.WriteString("kmsRequestId", "5112f4d6-db54-4af4-ae30-c55a22a8dfae");
            json.WriteEndObject();
            json.WriteString("encryptionAlgorithm", "AES_GCM");
            for (int i = 0; i < fields.Length; i++)
            {
                if (fields[i] is { } field)
                {
                    json.WriteString(FieldNames[i], field);
                }
            }

            json.WriteEndObject();
        }

        return body.ToArray();
    }
}
