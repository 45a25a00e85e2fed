using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>CreateKey, DescribeKey, ListKeys.</summary>
internal sealed class KeyOperations(KmsContext context)
{
    private readonly ExternalKeyCreation _external = new(context);

    private static readonly string[] KeySpecs =
    [
        "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1",
        "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87",
    ];

    private static readonly string[] KeyUsages = ["SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"];

    public void Register(KmsOperations operations)
    {
        operations.Add("CreateKey", CreateKeyAsync);
        operations.Add("DescribeKey", call => ValueTask.FromResult(DescribeKey(call.Request)));
        operations.Add("ListKeys", call => ValueTask.FromResult(ListKeys(call.Request)));
    }

    private async ValueTask<JsonObject> CreateKeyAsync(KmsCall call)
    {
        var request = call.Request;
        string description = request.Optional("Description", 8192) ?? string.Empty;
        string keySpec = request.Enum("KeySpec", KeySpecs) ?? request.Enum("CustomerMasterKeySpec", KeySpecs) ?? KmsKey.KeySpec;
        string keyUsage = request.Enum("KeyUsage", KeyUsages) ?? KmsKey.KeyUsage;
        string origin = request.Enum("Origin", KmsKeyOrigin.All) ?? KmsKeyOrigin.AwsKms;
        string? customKeyStoreId = request.String("CustomKeyStoreId", 64);
        string? xksKeyId = request.String("XksKeyId", 128);
        request.String("Policy", 32768);
        if (keySpec != KmsKey.KeySpec || keyUsage != KmsKey.KeyUsage)
        {
            throw new KmsException(KmsErrors.UnsupportedOperation("The emulator supports only KeySpec SYMMETRIC_DEFAULT with KeyUsage ENCRYPT_DECRYPT."));
        }

        CheckOriginParameters(origin, customKeyStoreId, xksKeyId);
        if (request.Bool("MultiRegion") == true)
        {
            throw new KmsException(KmsErrors.UnsupportedOperation("The emulator does not support multi-Region keys."));
        }

        if (origin == KmsKeyOrigin.ExternalKeyStore)
        {
            var external = await _external.CreateAsync(call, customKeyStoreId!, xksKeyId!, description).ConfigureAwait(false);
            return new JsonObject { ["KeyMetadata"] = KmsJson.KeyMetadata(external, context.Arns.AccountId) };
        }

        var id = Guid.NewGuid();
        var key = new KmsKey(id, context.Arns.Key(id), origin, KmsKeyState.Enabled, description, context.Time.GetUtcNow());
        byte[] material = GC.AllocateArray<byte>(32, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(material);
            context.Database.InsertKey(key, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }

        return new JsonObject { ["KeyMetadata"] = KmsJson.KeyMetadata(key, context.Arns.AccountId) };
    }

    /// <summary>
    /// XksKeyId only, and always, with Origin EXTERNAL_KEY_STORE, which needs a CustomKeyStoreId; a CustomKeyStoreId only
    /// with a custom key store origin. The emulator creates AWS_KMS and EXTERNAL_KEY_STORE keys.
    /// </summary>
    private static void CheckOriginParameters(string origin, string? customKeyStoreId, string? xksKeyId)
    {
        string? problem = origin == KmsKeyOrigin.ExternalKeyStore
            ? (customKeyStoreId, xksKeyId) switch
            {
                (null, _) => "A KMS key with Origin EXTERNAL_KEY_STORE requires a CustomKeyStoreId.",
                (_, null) => "A KMS key with Origin EXTERNAL_KEY_STORE requires an XksKeyId.",
                _ => null,
            }
            : xksKeyId is not null ? "XksKeyId is valid only for a KMS key with Origin EXTERNAL_KEY_STORE."
            : customKeyStoreId is not null && origin == KmsKeyOrigin.AwsKms ? "CustomKeyStoreId is valid only with Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE."
            : null;
        if (problem is not null)
        {
            throw new KmsException(KmsErrors.Validation(problem));
        }

        if (origin is not (KmsKeyOrigin.AwsKms or KmsKeyOrigin.ExternalKeyStore))
        {
            throw new KmsException(KmsErrors.UnsupportedOperation($"The emulator does not support Origin {origin}."));
        }
    }

    private JsonObject DescribeKey(KmsRequest request)
    {
        var key = context.ResolveKey(request.RequiredString("KeyId"));
        bool storeConnected = key.CustomKeyStoreId is null || context.Database.FindKeyStore(key.CustomKeyStoreId) is { IsConnected: true };
        return new JsonObject { ["KeyMetadata"] = KmsJson.KeyMetadata(key, context.Arns.AccountId, storeConnected) };
    }

    private JsonObject ListKeys(KmsRequest request)
    {
        int limit = request.Int("Limit", 1, 1000) ?? 100;
        string? marker = request.String("Marker", 1024);
        if (marker is not null && !Guid.TryParseExact(marker, "D", out _))
        {
            throw new KmsException(KmsErrors.InvalidMarker());
        }

        var page = context.Database.ListKeys(marker, limit + 1);
        var keys = new JsonArray();
        foreach (var key in page.Take(limit))
        {
            keys.Add(new JsonObject { ["KeyId"] = key.KeyId, ["KeyArn"] = key.Arn });
        }

        var response = new JsonObject { ["Keys"] = keys, ["Truncated"] = page.Count > limit };
        if (page.Count > limit)
        {
            response["NextMarker"] = page[limit].KeyId;
        }

        return response;
    }
}
