namespace Hyok.Server.Tests.Support;

/// <summary>A response as received: status, media type and the exact body bytes.</summary>
public sealed record XksReplyText(int Status, string? MediaType, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public static async Task<XksReplyText> ReadAsync(HttpResponseMessage response) => new(
        (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
}
