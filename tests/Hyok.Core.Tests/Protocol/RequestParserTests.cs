using System.Text;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Protocol;

public sealed class RequestParserTests
{
    private const string CryptoMetadata =
        "\"requestMetadata\":{\"awsPrincipalArn\":\"arn:aws:iam::123456789012:user/Alice\",\"kmsKeyArn\":\"arn:aws:kms:us-east-2:123456789012:/key/1\",\"kmsOperation\":\"Encrypt\",\"kmsRequestId\":\"r1\"}";

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"requestMetadata\":{}}")]
    [InlineData("{\"requestMetadata\":{\"kmsOperation\":\"KmsHealthCheck\"}}")]
    [InlineData("{\"requestMetadata\":{\"kmsRequestId\":1,\"kmsOperation\":\"KmsHealthCheck\"}}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"requestMetadata\":")]
    public void ParseHealth_Malformed_IsValidationException(string body)
    {
        var result = RequestParser.ParseHealth(Utf8(body));

        Assert.Equal(XksErrorCode.ValidationException, result.Error?.Code);
    }

    [Fact]
    public void ParseHealth_UnknownMembersAndOperation_Accepted()
    {
        var result = RequestParser.ParseHealth(Utf8("{\"future\":[1,{\"x\":null}],\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"BulkEncrypt\",\"new\":{\"a\":1}}}"));

        Assert.True(result.IsSuccess);
        Assert.Equal("BulkEncrypt", result.Value.KmsOperation);
    }

    [Fact]
    public void ParseKeyMetadata_MissingPrincipal_IsValidationException()
    {
        var result = RequestParser.ParseKeyMetadata(Utf8("{\"requestMetadata\":{\"kmsRequestId\":\"r\",\"kmsOperation\":\"CreateKey\"}}"));

        Assert.Equal(XksErrorCode.ValidationException, result.Error?.Code);
    }

    [Theory]
    [InlineData("\"plaintext\":\"SGVsbG8gV29ybGQh\",\"encryptionAlgorithm\":\"AES_GCM\"", null)]
    [InlineData("\"encryptionAlgorithm\":\"AES_GCM\"", XksErrorCode.ValidationException)]
    [InlineData("\"plaintext\":\"SGVsbG8gV29ybGQh\"", XksErrorCode.ValidationException)]
    [InlineData("\"plaintext\":\"SGVsbG8gV29ybGQh\",\"encryptionAlgorithm\":\"AES_CBC\"", XksErrorCode.ValidationException)]
    [InlineData("\"plaintext\":\"SGVsbG8gV29ybGQh\",\"encryptionAlgorithm\":\"AES_GCM\",\"ciphertextDataIntegrityValueAlgorithm\":\"MD5\"", XksErrorCode.ValidationException)]
    [InlineData("\"plaintext\":\"SGVsbG8gV29ybGQ\",\"encryptionAlgorithm\":\"AES_GCM\"", XksErrorCode.ValidationException)]
    [InlineData("\"plaintext\":12,\"encryptionAlgorithm\":\"AES_GCM\"", XksErrorCode.ValidationException)]
    [InlineData("\"plaintext\":\"SGVsbG8gV29ybGQh\",\"encryptionAlgorithm\":\"AES_GCM\",\"additionalAuthenticatedData\":\"***\"", XksErrorCode.ValidationException)]
    public void ParseEncrypt_FieldMatrix_GivesExpectedOutcome(string fields, XksErrorCode? expected)
    {
        var result = RequestParser.ParseEncrypt(Utf8($"{{{CryptoMetadata},{fields}}}"), XksLimits.Default);

        Assert.Equal(expected, result.Error?.Code);
    }

    [Theory]
    [InlineData(8192, null)]
    [InlineData(8193, XksErrorCode.UnsupportedOperationException)]
    [InlineData(100_000, XksErrorCode.UnsupportedOperationException)]
    public void ParseEncrypt_PlaintextSize_AboveLimitIsUnsupported(int size, XksErrorCode? expected)
    {
        var plaintext = Convert.ToBase64String(new byte[size]);
        var result = RequestParser.ParseEncrypt(Utf8($"{{{CryptoMetadata},\"plaintext\":\"{plaintext}\",\"encryptionAlgorithm\":\"AES_GCM\"}}"), XksLimits.Default);

        Assert.Equal(expected, result.Error?.Code);
    }

    [Theory]
    [InlineData("a2V5X3ZlcnNpb249MQ==", null)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", null)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAA", XksErrorCode.ValidationException)]
    public void ParseDecrypt_CiphertextMetadataOverTwentyBytes_IsValidationException(string metadata, XksErrorCode? expected)
    {
        var body = $"{{{CryptoMetadata},\"ciphertext\":\"AAAA\",\"ciphertextMetadata\":\"{metadata}\",\"encryptionAlgorithm\":\"AES_GCM\",\"initializationVector\":\"AAAAAAAAAAAAAAAA\",\"authenticationTag\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}}";

        var result = RequestParser.ParseDecrypt(Utf8(body), XksLimits.Default);

        Assert.Equal(expected, result.Error?.Code);
    }
}
