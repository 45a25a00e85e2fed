using System.Text.Json.Nodes;

namespace Hyok.Server.Tests.Support;

/// <summary>A valid request for one API path (e.g. <c>/alpha/kms/xks/v1/keys/k-both/encrypt</c>) that a generator breaks.</summary>
public sealed record BodyTemplate(string Path, JsonObject Body)
{
    public JsonObject CopyBody() => (JsonObject)Body.DeepClone();

    public byte[] Bytes() => XksBodies.Bytes(Body);

    /// <summary>Valid requests for every operation of both key stores; <paramref name="encryptResponse"/> (from k-both) feeds Decrypt.</summary>
    public static IReadOnlyList<BodyTemplate> ForFixture(JsonObject encryptResponse, byte[] plaintext, byte[] aad)
    {
        const string Alpha = "/alpha/kms/xks/v1/";
        var escaped = XksBodies.Encrypt(plaintext, aad, cdiv: true);
        escaped["requestMetadata"]!["awsPrincipalArn"] = "arn:aws:iam::123456789012:user/\u00e9\"quoted\\back\u0001";
        return
        [
            new(Alpha + "health", (JsonObject)JsonNode.Parse(XksBodies.Health())!),
            new("/tenants/beta/kms/xks/v1/health", (JsonObject)JsonNode.Parse(XksBodies.Health())!),
            new(Alpha + "keys/k-both/metadata", (JsonObject)JsonNode.Parse(XksBodies.Metadata(describeKeyShape: true))!),
            new(Alpha + "keys/k-both/encrypt", XksBodies.Encrypt(plaintext, aad)),
            new(Alpha + "keys/k-both/encrypt", escaped),
            new(Alpha + "keys/k-enc/encrypt", XksBodies.Encrypt(plaintext)),
            new(Alpha + "keys/k-disabled/encrypt", XksBodies.Encrypt(plaintext)),
            new(Alpha + "keys/k-missing/encrypt", XksBodies.Encrypt(plaintext)),
            new("/tenants/beta/kms/xks/v1/keys/b-key/encrypt", XksBodies.Encrypt(plaintext, aad)),
            new(Alpha + "keys/k-both/decrypt", XksBodies.Decrypt(encryptResponse, aad)),
            new(Alpha + "keys/k-dec/decrypt", XksBodies.Decrypt(encryptResponse, aad)),
        ];
    }
}
