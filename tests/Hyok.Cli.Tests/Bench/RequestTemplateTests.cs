using System.Text.Json.Nodes;
using Hyok.Cli.Bench;

namespace Hyok.Cli.Tests.Bench;

/// <summary>Bench bodies: valid JSON shaped like KMS's, a fresh kmsRequestId each, Base64 not escaped.</summary>
public sealed class RequestTemplateTests
{
    [Fact]
    public void NextBody_Encrypt_IsKmsShapedWithFreshRequestIds()
    {
        var plaintext = Enumerable.Range(0, 64).Select(i => (byte)(i * 7)).ToArray();
        var template = BenchBodies.Encrypt("demo-key", plaintext, [0xfb, 0xff]);

        var first = JsonNode.Parse(template.NextBody())!;
        var second = JsonNode.Parse(template.NextBody())!;

        Assert.Equal("keys/demo-key/encrypt", template.OperationPath);
        Assert.Equal(Convert.ToBase64String(plaintext), first["plaintext"]!.GetValue<string>());
        Assert.Equal("+/8=", first["additionalAuthenticatedData"]!.GetValue<string>());
        Assert.Equal("AES_GCM", first["encryptionAlgorithm"]!.GetValue<string>());
        var ids = new[] { first, second }.Select(b => b["requestMetadata"]!["kmsRequestId"]!.GetValue<string>()).ToArray();
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out var guid) && guid != Guid.Empty, id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.DoesNotContain("\\u002B", System.Text.Encoding.UTF8.GetString(template.NextBody()), StringComparison.Ordinal);
    }

    [Fact]
    public void NextBody_Health_HasOnlyRequestIdAndKmsHealthCheck()
    {
        var body = JsonNode.Parse(BenchBodies.Health().NextBody())!.AsObject();

        var metadata = Assert.Single(body).Value!.AsObject();
        Assert.Equal(["kmsRequestId", "kmsOperation"], metadata.Select(p => p.Key));
        Assert.Equal("KmsHealthCheck", metadata["kmsOperation"]!.GetValue<string>());
    }
}
