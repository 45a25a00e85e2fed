using System.Text;
using System.Text.Json.Nodes;

namespace Hyok.Server.Tests.Support;

/// <summary>Request bodies shaped like KMS sends them (xks-spec.md §4), with hooks to break them.</summary>
public static class XksBodies
{
    public const string Principal = "arn:aws:iam::123456789012:user/Alice";
    public const string KmsKeyArn = "arn:aws:kms:us-east-2:123456789012:/key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static byte[] Health(string operation = "KmsHealthCheck") =>
        Bytes(new JsonObject { ["requestMetadata"] = new JsonObject { ["kmsRequestId"] = Guid.NewGuid().ToString(), ["kmsOperation"] = operation } });

    public static byte[] Metadata(string operation = "CreateKey", bool describeKeyShape = false)
    {
        var metadata = new JsonObject { ["awsPrincipalArn"] = Principal, ["kmsOperation"] = operation, ["kmsRequestId"] = Guid.NewGuid().ToString() };
        if (describeKeyShape)
        {
            metadata["kmsKeyArn"] = KmsKeyArn;
            metadata["kmsViaService"] = "ebs";
        }

        return Bytes(new JsonObject { ["requestMetadata"] = metadata });
    }

    public static JsonObject CryptoMetadata(string operation) => new()
    {
        ["awsPrincipalArn"] = Principal,
        ["kmsKeyArn"] = KmsKeyArn,
        ["kmsOperation"] = operation,
        ["kmsRequestId"] = Guid.NewGuid().ToString(),
        ["kmsViaService"] = "ebs",
    };

    public static JsonObject Encrypt(byte[] plaintext, byte[]? aad = null, bool cdiv = false, string operation = "Encrypt")
    {
        var body = new JsonObject
        {
            ["requestMetadata"] = CryptoMetadata(operation),
            ["plaintext"] = Convert.ToBase64String(plaintext),
            ["encryptionAlgorithm"] = "AES_GCM",
        };
        if (aad is not null)
        {
            body["additionalAuthenticatedData"] = Convert.ToBase64String(aad);
        }

        if (cdiv)
        {
            body["ciphertextDataIntegrityValueAlgorithm"] = "SHA_256";
        }

        return body;
    }

    /// <summary>A Decrypt body built from an Encrypt response, as KMS would.</summary>
    public static JsonObject Decrypt(JsonObject encryptResponse, byte[]? aad = null)
    {
        var body = new JsonObject
        {
            ["requestMetadata"] = CryptoMetadata("Decrypt"),
            ["ciphertext"] = encryptResponse["ciphertext"]!.GetValue<string>(),
            ["encryptionAlgorithm"] = "AES_GCM",
            ["initializationVector"] = encryptResponse["initializationVector"]!.GetValue<string>(),
            ["authenticationTag"] = encryptResponse["authenticationTag"]!.GetValue<string>(),
        };
        if (encryptResponse["ciphertextMetadata"] is { } metadata)
        {
            body["ciphertextMetadata"] = metadata.GetValue<string>();
        }

        if (aad is not null)
        {
            body["additionalAuthenticatedData"] = Convert.ToBase64String(aad);
        }

        return body;
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
