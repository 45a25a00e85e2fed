using System.Text.Json.Nodes;

namespace Hyok.Server.Tests.Support;

/// <summary>Assertions on XKS responses, including the error body rules of xks-spec.md §6.1.</summary>
public static class XksAssert
{
    public static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain('\n', text);
        return Assert.IsType<JsonObject>(JsonNode.Parse(text));
    }

    public static async Task ErrorAsync(HttpResponseMessage response, int status, string errorName)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {errorName}, got {(int)response.StatusCode}: {text}");
        AssertErrorBody(text, errorName);
    }

    /// <summary>Single-line JSON with <c>errorName</c>; <c>errorMessage</c> printable ASCII under 512 characters.</summary>
    public static void AssertErrorBody(string text, string? errorName = null)
    {
        Assert.DoesNotContain('\n', text);
        var body = Assert.IsType<JsonObject>(JsonNode.Parse(text));
        var name = body["errorName"]?.GetValue<string>();
        Assert.NotNull(name);
        if (errorName is not null)
        {
            Assert.Equal(errorName, name);
        }

        var message = body["errorMessage"]?.GetValue<string>() ?? "";
        Assert.True(message.Length < 512, "errorMessage too long");
        Assert.All(message, c => Assert.InRange(c, ' ', '~'));
    }
}
