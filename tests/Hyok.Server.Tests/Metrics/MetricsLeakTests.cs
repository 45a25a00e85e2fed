using System.Text;
using System.Text.Json.Nodes;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Metrics;

/// <summary>
/// ARCHITECTURE.md §4 for the scrape output: after sentinel plaintext, AAD and secrets went through successful and
/// failing calls, no secret, plaintext, key material, key id or access key id shows up in <c>/metrics</c>.
/// </summary>
[Collection(MetricsScrapeGroup.Name)]
public sealed class MetricsLeakTests(MetricsProxyFixture proxy) : IClassFixture<MetricsProxyFixture>
{
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("MetricsPlaintextSentinel-41d7-wombat-9920");
    private static readonly byte[] Aad = Encoding.ASCII.GetBytes("MetricsAadSentinel-c3e1-tapir-0431");

    [Fact]
    public async Task Scrape_AfterSentinelTraffic_HoldsNoSecretsOrIds()
    {
        var sentinels = new Sentinels();
        var credential = proxy.Credential;
        var client = proxy.Client(credential);
        sentinels.AddText("plaintext", Encoding.ASCII.GetString(Plaintext));
        sentinels.AddText("AAD", Encoding.ASCII.GetString(Aad));
        sentinels.AddText("secret", credential.Secret);
        sentinels.AddText("alpha secret", proxy.AlphaCredential.Secret);
        foreach (var (id, key) in proxy.Runtime.Watcher.Current.Keys)
        {
            sentinels.AddBytes($"key material of {id}", key.Material);
        }

        var masterKey = File.ReadAllText(proxy.Options.Backend.MasterKeyFile!).Trim();
        sentinels.AddText("master key", masterKey);

        using (var encrypt = await client.SendAsync("keys/m-key/encrypt", XksBodies.Bytes(XksBodies.Encrypt(Plaintext, Aad, cdiv: true)), default))
        {
            var encrypted = JsonNode.Parse(await encrypt.Content.ReadAsStringAsync())!.AsObject();
            sentinels.AddText("ciphertext", encrypted["ciphertext"]!.GetValue<string>());
            using var decrypt = await client.SendAsync("keys/m-key/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted, Aad)), default);
            using var wrongAad = await client.SendAsync("keys/m-key/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted, Plaintext)), default);
        }

        using (var unknownKey = await client.SendAsync("keys/MetricsUnknownKeySentinel-77/encrypt", XksBodies.Bytes(XksBodies.Encrypt(Plaintext, Aad)), default))
        {
            Assert.Equal(404, (int)unknownKey.StatusCode);
        }

        var scrape = await PrometheusScrape.GetAsync(proxy.MetricsUri);

        Assert.NotEmpty(sentinels.FoundIn(Encoding.ASCII.GetString(Plaintext))); // the scanner itself works
        Assert.Contains(proxy.KeyStore, scrape.Text, StringComparison.Ordinal); // the traffic is in this scrape
        var leaks = sentinels.Scan("scrape", scrape.Text.Split('\n'));
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Take(20)));
        Assert.DoesNotContain("m-key", scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MetricsUnknownKeySentinel", scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(credential.AccessKeyId, scrape.Text, StringComparison.Ordinal);
    }
}
