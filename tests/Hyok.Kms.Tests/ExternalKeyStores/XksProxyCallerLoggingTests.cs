using System.Security.Cryptography;
using System.Text;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeyStores;

/// <summary>Call outcomes are logged with ids and outcome, never the secret, plaintext or AAD (ARCHITECTURE.md §3.10).</summary>
public sealed class XksProxyCallerLoggingTests(HyokProxy proxy) : IClassFixture<HyokProxy>
{
    [Fact]
    public async Task Calls_SuccessAndFailure_LoggedWithoutSecretsOrPayloads()
    {
        string wrongSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        byte[] plaintext = Encoding.ASCII.GetBytes("SENTINEL-PLAINTEXT-0123456789");
        byte[] aad = Encoding.ASCII.GetBytes("SENTINEL-AAD-0123456789");
        var logger = new CapturingLogger<XksProxyCaller>();
        var context = new XksRequestContext("Encrypt", "arn:aws:iam::111122223333:user/alice", "arn:aws:kms:us-east-1:111122223333:key/k", "req-log-1");
        using (var good = new XksProxyCaller(proxy.Settings(), TimeProvider.System, HyokProxy.Patient, logger))
        {
            var encrypted = await good.EncryptAsync("k-both", context, plaintext, aad, true);
            Assert.True(encrypted.IsSuccess, encrypted.Failure?.Detail);
            await good.DecryptAsync("k-both", context with { KmsOperation = "Decrypt" }, encrypted.Value, aad);
        }

        using (var bad = new XksProxyCaller(proxy.Settings(secret: wrongSecret), TimeProvider.System, HyokProxy.Patient, logger))
        {
            await bad.EncryptAsync("k-both", context, plaintext, aad, false);
        }

        string all = string.Join("\n", logger.Lines);
        Assert.Contains("req-log-1", all, StringComparison.Ordinal);
        Assert.Contains("AuthenticationFailedException", all, StringComparison.Ordinal);
        foreach (var secret in new[] { wrongSecret, proxy.AlphaCredential.Secret, "SENTINEL", Convert.ToBase64String(plaintext), Convert.ToBase64String(aad) })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }
}
