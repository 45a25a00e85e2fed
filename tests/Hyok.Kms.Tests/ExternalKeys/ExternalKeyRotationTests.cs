using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Hyok.Auditing;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Testing;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>
/// External key rotation KMS cannot do (docs/key-rotation.md): <c>hyok keys rotate</c> behind an XKS key, seen through the
/// emulator with the AWS SDK. KMS keeps the same key and XKS key id; only the ciphertextMetadata (audited as keyVersion) changes.
/// </summary>
public sealed class ExternalKeyRotationTests(HyokProxy proxy) : ExternalKeyTest(proxy)
{
    [Fact]
    public async Task Rotate_OldCiphertextStillDecrypts_ReEncryptMovesItToVersion2()
    {
        var (_, key, xksKeyId) = await CreateStoreAndKeyAsync();
        var before = await EncryptAsync(key.KeyId, Sentinel());
        Assert.Equal(1, (await ProxyRecordAsync(before, "Encrypt")).KeyVersion);

        Assert.Equal(2, Proxy.RotateKey(xksKeyId));
        var decrypted = await DecryptAsync(before.CiphertextBlob);
        var moved = await Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = new MemoryStream(before.CiphertextBlob.ToArray()), SourceEncryptionContext = Context,
            DestinationKeyId = key.KeyId, DestinationEncryptionContext = Context,
        });
        var afterMove = await DecryptAsync(moved.CiphertextBlob);

        Assert.Equal(Sentinel(), decrypted.Plaintext.ToArray());
        Assert.Equal(1, (await ProxyRecordAsync(decrypted, "Decrypt")).KeyVersion);
        Assert.Equal((key.Arn, key.Arn), (moved.SourceKeyId, moved.KeyId));
        Assert.Equal(1, (await ProxyRecordAsync(moved, "Decrypt")).KeyVersion);
        Assert.Equal(2, (await ProxyRecordAsync(moved, "Encrypt")).KeyVersion);
        Assert.Equal(Sentinel(), afterMove.Plaintext.ToArray());
        Assert.Equal(2, (await ProxyRecordAsync(afterMove, "Decrypt")).KeyVersion);
        var described = (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId })).KeyMetadata;
        Assert.Equal((xksKeyId, Amazon.KeyManagementService.KeyState.Enabled), (described.XksKeyConfiguration.Id, described.KeyState));
    }

    /// <summary>The proxy's one audit record of <paramref name="xksOperation"/> for the KMS request of <paramref name="response"/>.</summary>
    private async Task<AuditEvent> ProxyRecordAsync(AmazonWebServiceResponse response, string xksOperation)
    {
        string requestId = response.ResponseMetadata.RequestId;
        IReadOnlyList<AuditEvent> records = [];
        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond * 5, () => (records = Proxy.AuditOf(requestId)).Any(r => r.XksOperation == xksOperation)),
            $"no {xksOperation} audit record for {requestId}");
        var record = Assert.Single(records, r => r.XksOperation == xksOperation);
        Assert.Equal("OK", record.Outcome);
        return record;
    }
}
