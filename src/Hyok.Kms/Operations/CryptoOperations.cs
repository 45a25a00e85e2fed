using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>Encrypt, Decrypt, ReEncrypt with encryption context (bound as AAD, checked on decryption).</summary>
internal sealed class CryptoOperations(KmsContext context)
{
    private readonly KeyCrypto _crypto = new(context);

    public void Register(KmsOperations operations)
    {
        operations.Add("Encrypt", EncryptAsync);
        operations.Add("Decrypt", DecryptAsync);
        operations.Add("ReEncrypt", ReEncryptAsync);
    }

    /// <summary>Throws DryRunOperationException when the request asked for a dry run (after every other check).</summary>
    public static void CheckDryRun(KmsRequest request)
    {
        if (request.Bool("DryRun") == true)
        {
            throw new KmsException(KmsErrors.DryRun());
        }
    }

    private async ValueTask<JsonObject> EncryptAsync(KmsCall call)
    {
        var request = call.Request;
        string keyId = request.RequiredString("KeyId");
        byte[] plaintext = request.RequiredBlob("Plaintext", KeyCrypto.MaxPlaintextBytes);
        try
        {
            var encryptionContext = request.Context("EncryptionContext");
            KeyCrypto.RequireSymmetric(request.Enum("EncryptionAlgorithm", KeyCrypto.Algorithms));
            var key = context.ResolveKey(keyId);
            byte[] blob = await _crypto.EncryptAsync(key, encryptionContext, plaintext, call).ConfigureAwait(false);
            CheckDryRun(request);
            return new JsonObject { ["CiphertextBlob"] = KmsJson.Blob(blob), ["KeyId"] = key.Arn, ["EncryptionAlgorithm"] = KeyCrypto.Algorithm };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async ValueTask<JsonObject> DecryptAsync(KmsCall call)
    {
        var request = call.Request;
        byte[] ciphertext = request.RequiredBlob("CiphertextBlob", KeyCrypto.MaxCiphertextBytes);
        var encryptionContext = request.Context("EncryptionContext");
        KeyCrypto.RequireSymmetric(request.Enum("EncryptionAlgorithm", KeyCrypto.Algorithms));
        (var key, byte[] plaintext) = await _crypto.DecryptAsync(ciphertext, encryptionContext, request.String("KeyId"), call).ConfigureAwait(false);
        try
        {
            CheckDryRun(request);
            return new JsonObject { ["KeyId"] = key.Arn, ["Plaintext"] = KmsJson.Blob(plaintext), ["EncryptionAlgorithm"] = KeyCrypto.Algorithm };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async ValueTask<JsonObject> ReEncryptAsync(KmsCall call)
    {
        var request = call.Request;
        byte[] ciphertext = request.RequiredBlob("CiphertextBlob", KeyCrypto.MaxCiphertextBytes);
        var sourceContext = request.Context("SourceEncryptionContext");
        string destinationKeyId = request.RequiredString("DestinationKeyId");
        var destinationContext = request.Context("DestinationEncryptionContext");
        KeyCrypto.RequireSymmetric(request.Enum("SourceEncryptionAlgorithm", KeyCrypto.Algorithms));
        KeyCrypto.RequireSymmetric(request.Enum("DestinationEncryptionAlgorithm", KeyCrypto.Algorithms));
        var destination = context.ResolveKey(destinationKeyId);
        (var source, byte[] plaintext) = await _crypto.DecryptAsync(ciphertext, sourceContext, request.String("SourceKeyId"), call).ConfigureAwait(false);
        try
        {
            byte[] blob = await _crypto.EncryptAsync(destination, destinationContext, plaintext, call).ConfigureAwait(false);
            CheckDryRun(request);
            return new JsonObject
            {
                ["CiphertextBlob"] = KmsJson.Blob(blob),
                ["SourceKeyId"] = source.Arn,
                ["KeyId"] = destination.Arn,
                ["SourceEncryptionAlgorithm"] = KeyCrypto.Algorithm,
                ["DestinationEncryptionAlgorithm"] = KeyCrypto.Algorithm,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
