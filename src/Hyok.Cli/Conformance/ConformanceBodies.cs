using System.Text.Json.Nodes;

namespace Hyok.Cli.Conformance;

/// <summary>Request bodies shaped as KMS sends them (xks-spec.md §3.1, §4), each with a fresh <c>kmsRequestId</c>.</summary>
internal static class ConformanceBodies
{
    public const string Principal = "arn:aws:iam::123456789012:user/hyok-conformance";
    public const string KmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-0000000c0f0a";

    public static JsonObject Health(string kmsOperation = "KmsHealthCheck") => new()
    {
        ["requestMetadata"] = new JsonObject { ["kmsRequestId"] = RequestId(), ["kmsOperation"] = kmsOperation },
    };

    /// <summary>GetKeyMetadata as KMS sends it for CreateKey, or as older KMS and the AWS test client send it for DescribeKey (§14 item 4).</summary>
    public static JsonObject Metadata(bool describeKey = false)
    {
        var metadata = new JsonObject { ["awsPrincipalArn"] = Principal, ["kmsOperation"] = describeKey ? "DescribeKey" : "CreateKey", ["kmsRequestId"] = RequestId() };
        if (describeKey)
        {
            metadata["kmsKeyArn"] = KmsKeyArn;
            metadata["kmsViaService"] = "ebs";
        }

        return new JsonObject { ["requestMetadata"] = metadata };
    }

    public static JsonObject Encrypt(byte[] plaintext, byte[]? aad, bool cdiv = false, string kmsOperation = "Encrypt")
    {
        var body = new JsonObject
        {
            ["requestMetadata"] = CryptoMetadata(kmsOperation),
            ["plaintext"] = Convert.ToBase64String(plaintext),
            ["encryptionAlgorithm"] = "AES_GCM",
        };
        if (cdiv)
        {
            body["ciphertextDataIntegrityValueAlgorithm"] = "SHA_256";
        }

        return WithAad(body, aad);
    }

    /// <summary>A Decrypt body from an Encrypt answer, as KMS builds it from its ciphertext blob (xks-spec.md §4.3).</summary>
    public static JsonObject Decrypt(EncryptedData encrypted, byte[]? aad)
    {
        var body = new JsonObject
        {
            ["requestMetadata"] = CryptoMetadata("Decrypt"),
            ["ciphertext"] = Convert.ToBase64String(encrypted.Ciphertext),
            ["encryptionAlgorithm"] = "AES_GCM",
            ["initializationVector"] = Convert.ToBase64String(encrypted.InitializationVector),
            ["authenticationTag"] = Convert.ToBase64String(encrypted.AuthenticationTag),
        };
        if (encrypted.CiphertextMetadata is { } metadata)
        {
            body["ciphertextMetadata"] = Convert.ToBase64String(metadata);
        }

        return WithAad(body, aad);
    }

    private static JsonObject CryptoMetadata(string kmsOperation) => new()
    {
        ["awsPrincipalArn"] = Principal,
        ["kmsKeyArn"] = KmsKeyArn,
        ["kmsOperation"] = kmsOperation,
        ["kmsRequestId"] = RequestId(),
    };

    private static JsonObject WithAad(JsonObject body, byte[]? aad)
    {
        if (aad is not null)
        {
            body["additionalAuthenticatedData"] = Convert.ToBase64String(aad);
        }

        return body;
    }

    private static string RequestId() => Guid.NewGuid().ToString();
}
