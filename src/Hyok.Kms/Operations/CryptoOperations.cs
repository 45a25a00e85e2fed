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
        operations.Add("Encrypt", call => ValueTask.FromResult(Encrypt(call.Request)));
        operations.Add("Decrypt", call => ValueTask.FromResult(Decrypt(call.Request)));
        operations.Add("ReEncrypt", call => ValueTask.FromResult(ReEncrypt(call.Request)));
    }

    /// <summary>Throws DryRunOperationException when the request asked for a dry run (after every other check).</summary>
    public static void CheckDryRun(KmsRequest request)
    {
        if (request.Bool("DryRun") == true)
        {
            throw new KmsException(KmsErrors.DryRun());
        }
    }

    private JsonObject Encrypt(KmsRequest request)
    {
        string keyId = request.RequiredString("KeyId");
        byte[] plaintext = request.RequiredBlob("Plaintext", KeyCrypto.MaxPlaintextBytes);
        try
        {
            var encryptionContext = request.Context("EncryptionContext");
            KeyCrypto.RequireSymmetric(request.Enum("EncryptionAlgorithm", KeyCrypto.Algorithms));
            var key = context.ResolveKey(keyId);
            byte[] blob = _crypto.Encrypt(key, encryptionContext, plaintext);
            CheckDryRun(request);
            return new JsonObject { ["CiphertextBlob"] = KmsJson.Blob(blob), ["KeyId"] = key.Arn, ["EncryptionAlgorithm"] = KeyCrypto.Algorithm };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private JsonObject Decrypt(KmsRequest request)
    {
        byte[] ciphertext = request.RequiredBlob("CiphertextBlob", KeyCrypto.MaxCiphertextBytes);
        var encryptionContext = request.Context("EncryptionContext");
        KeyCrypto.RequireSymmetric(request.Enum("EncryptionAlgorithm", KeyCrypto.Algorithms));
        (var key, byte[] plaintext) = _crypto.Decrypt(ciphertext, encryptionContext, request.String("KeyId"));
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

    private JsonObject ReEncrypt(KmsRequest request)
    {
        byte[] ciphertext = request.RequiredBlob("CiphertextBlob", KeyCrypto.MaxCiphertextBytes);
        var sourceContext = request.Context("SourceEncryptionContext");
        string destinationKeyId = request.RequiredString("DestinationKeyId");
        var destinationContext = request.Context("DestinationEncryptionContext");
        KeyCrypto.RequireSymmetric(request.Enum("SourceEncryptionAlgorithm", KeyCrypto.Algorithms));
        KeyCrypto.RequireSymmetric(request.Enum("DestinationEncryptionAlgorithm", KeyCrypto.Algorithms));
        var destination = context.ResolveKey(destinationKeyId);
        (var source, byte[] plaintext) = _crypto.Decrypt(ciphertext, sourceContext, request.String("SourceKeyId"));
        try
        {
            byte[] blob = _crypto.Encrypt(destination, destinationContext, plaintext);
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
