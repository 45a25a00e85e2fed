using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>GenerateDataKey, GenerateDataKeyWithoutPlaintext (KeySpec AES_256/AES_128 or NumberOfBytes 1-1024), GenerateRandom (1-1024 bytes).</summary>
internal sealed class DataKeyOperations(KmsContext context)
{
    private readonly KeyCrypto _crypto = new(context);

    public void Register(KmsOperations operations)
    {
        operations.Add("GenerateDataKey", call => GenerateDataKeyAsync(call, includePlaintext: true));
        operations.Add("GenerateDataKeyWithoutPlaintext", call => GenerateDataKeyAsync(call, includePlaintext: false));
        operations.Add("GenerateRandom", call => ValueTask.FromResult(GenerateRandom(call.Request)));
    }

    private async ValueTask<JsonObject> GenerateDataKeyAsync(KmsCall call, bool includePlaintext)
    {
        var request = call.Request;
        string keyId = request.RequiredString("KeyId");
        string? keySpec = request.Enum("KeySpec", "AES_256", "AES_128");
        int? numberOfBytes = request.Int("NumberOfBytes", 1, 1024);
        var encryptionContext = request.Context("EncryptionContext");
        if ((keySpec is null) == (numberOfBytes is null))
        {
            throw new KmsException(KmsErrors.Validation("Please specify either number of bytes or key spec."));
        }

        if (includePlaintext && request.Blob("Recipient", 8192) is not null)
        {
            throw new KmsException(KmsErrors.UnsupportedOperation("The emulator does not support Recipient (Nitro Enclaves attestation)."));
        }

        var key = context.ResolveKey(keyId);
        byte[] dataKey = GC.AllocateArray<byte>(numberOfBytes ?? (keySpec == "AES_128" ? 16 : 32), pinned: true);
        try
        {
            RandomNumberGenerator.Fill(dataKey);
            byte[] blob = await _crypto.EncryptAsync(key, encryptionContext, dataKey, call).ConfigureAwait(false);
            CryptoOperations.CheckDryRun(request);
            var response = new JsonObject { ["CiphertextBlob"] = KmsJson.Blob(blob), ["KeyId"] = key.Arn };
            if (includePlaintext)
            {
                response["Plaintext"] = KmsJson.Blob(dataKey);
            }

            return response;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static JsonObject GenerateRandom(KmsRequest request)
    {
        int numberOfBytes = request.Int("NumberOfBytes", 1, 1024)
            ?? throw new KmsException(KmsErrors.Validation("NumberOfBytes", "Member must not be null"));
        if (request.String("CustomKeyStoreId", 64) is not null || request.Blob("Recipient", 8192) is not null)
        {
            throw new KmsException(KmsErrors.UnsupportedOperation("The emulator does not support CustomKeyStoreId or Recipient in GenerateRandom yet."));
        }

        return new JsonObject { ["Plaintext"] = KmsJson.Blob(RandomNumberGenerator.GetBytes(numberOfBytes)) };
    }
}
