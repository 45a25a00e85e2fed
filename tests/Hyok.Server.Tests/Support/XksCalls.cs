using System.Text.Json.Nodes;
using Hyok.Client;

namespace Hyok.Server.Tests.Support;

/// <summary>Signed calls that must succeed, returning the parsed JSON body.</summary>
public static class XksCalls
{
    public static async Task<JsonObject> EncryptAsync(this XksClient client, string keyId, JsonObject body)
    {
        using var response = await client.SendAsync($"keys/{keyId}/encrypt", XksBodies.Bytes(body), default);
        return await XksAssert.OkAsync(response);
    }

    public static async Task<JsonObject> DecryptAsync(this XksClient client, string keyId, JsonObject body)
    {
        using var response = await client.SendAsync($"keys/{keyId}/decrypt", XksBodies.Bytes(body), default);
        return await XksAssert.OkAsync(response);
    }

    public static async Task ExpectErrorAsync(this XksClient client, string operationPath, JsonObject body, int status, string errorName)
    {
        using var response = await client.SendAsync(operationPath, XksBodies.Bytes(body), default);
        await XksAssert.ErrorAsync(response, status, errorName);
    }

    public static byte[] Field(this JsonObject response, string field) => Convert.FromBase64String(response[field]!.GetValue<string>());
}
