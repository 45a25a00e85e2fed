using System.Text.Json.Nodes;
using Hyok.Protocol;

namespace Hyok.Cli.Bench;

/// <summary>Request bodies shaped like KMS sends them (xks-spec.md §3.1, §4), each with the request id placeholder.</summary>
internal static class BenchBodies
{
    private const string Principal = "arn:aws:iam::123456789012:user/hyok-bench";
    private const string KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-00000000bec4";

    public static RequestTemplate Health() => new("health", new JsonObject
    {
        ["requestMetadata"] = new JsonObject { ["kmsRequestId"] = RequestTemplate.RequestIdPlaceholder, ["kmsOperation"] = "KmsHealthCheck" },
    });

    public static RequestTemplate Metadata(string keyId) => new($"keys/{keyId}/metadata", new JsonObject
    {
        ["requestMetadata"] = new JsonObject
        {
            ["awsPrincipalArn"] = Principal,
            ["kmsOperation"] = "CreateKey",
            ["kmsRequestId"] = RequestTemplate.RequestIdPlaceholder,
        },
    });

    public static RequestTemplate Encrypt(string keyId, byte[] plaintext, byte[] aad)
    {
        var body = new JsonObject
        {
            ["requestMetadata"] = CryptoMetadata("Encrypt"),
            ["plaintext"] = Convert.ToBase64String(plaintext),
            ["encryptionAlgorithm"] = "AES_GCM",
        };
        return new($"keys/{keyId}/encrypt", WithAad(body, aad));
    }

    /// <summary>A Decrypt body built from an Encrypt response, as KMS builds it from its ciphertext blob (xks-spec.md §4.3).</summary>
    public static RequestTemplate Decrypt(string keyId, EncryptResponse encrypted, byte[] aad)
    {
        var body = new JsonObject
        {
            ["requestMetadata"] = CryptoMetadata("Decrypt"),
            ["ciphertext"] = encrypted.Ciphertext,
            ["encryptionAlgorithm"] = "AES_GCM",
            ["initializationVector"] = encrypted.InitializationVector,
            ["authenticationTag"] = encrypted.AuthenticationTag,
        };
        if (encrypted.CiphertextMetadata is { } metadata)
        {
            body["ciphertextMetadata"] = metadata;
        }

        return new($"keys/{keyId}/decrypt", WithAad(body, aad));
    }

    private static JsonObject CryptoMetadata(string kmsOperation) => new()
    {
        ["awsPrincipalArn"] = Principal,
        ["kmsKeyArn"] = KmsKeyArn,
        ["kmsOperation"] = kmsOperation,
        ["kmsRequestId"] = RequestTemplate.RequestIdPlaceholder,
    };

    private static JsonObject WithAad(JsonObject body, byte[] aad)
    {
        if (aad.Length > 0)
        {
            body["additionalAuthenticatedData"] = Convert.ToBase64String(aad);
        }

        return body;
    }
}
