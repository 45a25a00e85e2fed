using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hyok.Authentication;

namespace Hyok.Kms.Tests.Hosting;

/// <summary>Sends hand-made JSON 1.1 requests, signed with Hyok.Core's SigV4 computation for service <c>kms</c>.</summary>
internal static class RawKmsClient
{
    public static async Task<(int Status, string Body, string? ErrorType)> SendAsync(
        Uri endpoint, string? target, string body, bool sign = true, string contentType = "application/x-amz-json-1.1")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (sign)
        {
            string amzDate = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            string host = endpoint.Authority;
            SigV4Header[] headers = [new("host", host), new("x-amz-date", amzDate)];
            byte[] signature = new byte[32];
            SigV4Computation.Sign("POST", "/", headers, bytes, amzDate, RunningEmulator.Region, RunningEmulator.Secret, signature, "kms");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential={RunningEmulator.AccessKeyId}/{amzDate[..8]}/{RunningEmulator.Region}/kms/aws4_request, " +
                $"SignedHeaders=host;x-amz-date, Signature={Convert.ToHexStringLower(signature)}");
        }

        using var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First() : null;
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        return ((int)response.StatusCode, text, errorType);
    }
}
