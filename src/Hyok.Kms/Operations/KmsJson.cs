using System.Text.Json.Nodes;
using Hyok.Kms.Keys;

namespace Hyok.Kms.Operations;

/// <summary>Response shapes shared by several operations (JSON 1.1: timestamps are epoch seconds, blobs Base64).</summary>
internal static class KmsJson
{
    public static JsonNode Timestamp(DateTimeOffset instant) => JsonValue.Create(instant.ToUnixTimeMilliseconds() / 1000.0);

    public static JsonNode Blob(ReadOnlySpan<byte> bytes) => JsonValue.Create(Convert.ToBase64String(bytes));

    /// <summary>
    /// The <c>KeyMetadata</c> structure of CreateKey and DescribeKey. A key of a custom key store that is not CONNECTED
    /// (<paramref name="storeConnected"/> false) is described as KMS does: <c>KeyState</c> <c>Unavailable</c>, not
    /// enabled, unless it is pending deletion.
    /// </summary>
    public static JsonObject KeyMetadata(KmsKey key, string accountId, bool storeConnected = true)
    {
        bool unavailable = !storeConnected && key.State != KmsKeyState.PendingDeletion;
        var metadata = new JsonObject
        {
            ["AWSAccountId"] = accountId,
            ["KeyId"] = key.KeyId,
            ["Arn"] = key.Arn,
            ["CreationDate"] = Timestamp(key.CreationDate),
            ["Enabled"] = key.State == KmsKeyState.Enabled && !unavailable,
            ["Description"] = key.Description,
            ["KeyUsage"] = KmsKey.KeyUsage,
            ["KeyState"] = unavailable ? "Unavailable" : key.State.ToString(),
            ["Origin"] = key.Origin,
            ["KeyManager"] = "CUSTOMER",
            ["CustomerMasterKeySpec"] = KmsKey.KeySpec,
            ["KeySpec"] = KmsKey.KeySpec,
            ["EncryptionAlgorithms"] = new JsonArray("SYMMETRIC_DEFAULT"),
            ["MultiRegion"] = false,
        };
        if (key.DeletionDate is { } deletion)
        {
            metadata["DeletionDate"] = Timestamp(deletion);
        }

        if (key.CustomKeyStoreId is not null)
        {
            metadata["CustomKeyStoreId"] = key.CustomKeyStoreId;
        }

        if (key.XksKeyId is not null)
        {
            metadata["XksKeyConfiguration"] = new JsonObject { ["Id"] = key.XksKeyId };
        }

        return metadata;
    }
}
