using System.Text.Json;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>The proxy credential's secret never leaves the emulator: not in any response body (raw JSON), not in a log line.</summary>
public sealed class KeyStoreSecretTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    [Fact]
    public async Task EveryKeyStoreOperation_ProxySecrets_NeverInResponsesOrLogs()
    {
        var rotated = Proxy.AddCredential();
        string wrong = "WRONGsecretWRONGsecretWRONGsecretWRONGsecret+/=";
        string alpha = Proxy.AlphaCredential.Secret;
        var bodies = new List<string>
        {
            await SendAsync("CreateCustomKeyStore", Create("leaky", Proxy.AlphaCredential.AccessKeyId, wrong)),
            await SendAsync("CreateCustomKeyStore", Create("leaky", Proxy.AlphaCredential.AccessKeyId, "short+/")),
            await SendAsync("CreateCustomKeyStore", Create("leaky", Proxy.AlphaCredential.AccessKeyId, alpha)),
        };
        string id = JsonDocument.Parse(bodies[^1]).RootElement.GetProperty("CustomKeyStoreId").GetString()!;
        bodies.Add(await SendAsync("CreateCustomKeyStore", Create("leaky", Proxy.AlphaCredential.AccessKeyId, alpha)));
        await ConnectAsync(id);
        bodies.Add(await SendAsync("UpdateCustomKeyStore", Update(id, rotated.AccessKeyId, wrong)));
        bodies.Add(await SendAsync("UpdateCustomKeyStore", Update(id, rotated.AccessKeyId, rotated.Secret)));
        bodies.Add(await SendAsync("DescribeCustomKeyStores", "{}"));
        bodies.Add(await SendAsync("DescribeCustomKeyStores", $$"""{"CustomKeyStoreId":"{{id}}"}"""));

        string everything = string.Join('\n', bodies.Concat(Logs.Lines));
        Assert.Contains("XksProxyIncorrectAuthenticationCredentialException", everything, StringComparison.Ordinal);
        Assert.Contains(rotated.AccessKeyId, bodies[^1], StringComparison.Ordinal);
        Assert.Contains(Logs.Lines, l => l.Contains($"Custom key store {id} updated", StringComparison.Ordinal));
        foreach (string secret in new[] { alpha, rotated.Secret, wrong, "short+/" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonSerializer.Serialize(secret).Trim('"'), everything, StringComparison.Ordinal);
        }
    }

    private async Task<string> SendAsync(string operation, string body) =>
        (await RawKmsClient.SendAsync(Running.Endpoint, "TrentService." + operation, body)).Body;

    private string Create(string name, string accessKeyId, string secret) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["CustomKeyStoreName"] = name,
        ["CustomKeyStoreType"] = "EXTERNAL_KEY_STORE",
        ["XksProxyConnectivity"] = "PUBLIC_ENDPOINT",
        ["XksProxyUriEndpoint"] = Proxy.Endpoint,
        ["XksProxyUriPath"] = "/alpha/kms/xks/v1",
        ["XksProxyAuthenticationCredential"] = new Dictionary<string, string> { ["AccessKeyId"] = accessKeyId, ["RawSecretAccessKey"] = secret },
    });

    private static string Update(string id, string accessKeyId, string secret) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["CustomKeyStoreId"] = id,
        ["XksProxyAuthenticationCredential"] = new Dictionary<string, string> { ["AccessKeyId"] = accessKeyId, ["RawSecretAccessKey"] = secret },
    });
}
