using System.Text;
using Hyok.Auditing;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Control;

/// <summary>
/// Fail closed: while the audit trail cannot be written, no request is answered with a result (no ciphertext, no
/// plaintext): the answer is InternalException. When the fault is gone the server serves again, on the same chain.
/// </summary>
public sealed class AuditFailClosedTests(SoftwareProxyFixture proxy) : IClassFixture<SoftwareProxyFixture>
{
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("fail closed");

    [Fact]
    public async Task AuditFileUnwritable_CryptoIsInternalExceptionWithoutResult_ThenRecovers()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Plaintext));
        var current = Directory.GetFiles(proxy.AuditFolder, "audit-*.jsonl").Single();
        File.Move(current, current + ".aside");
        Directory.CreateDirectory(current);

        foreach (var (path, body) in new[] { ("keys/k-both/encrypt", XksBodies.Encrypt(Plaintext)), ("keys/k-both/decrypt", XksBodies.Decrypt(encrypted)) })
        {
            using var response = await proxy.AlphaClient.SendAsync(path, XksBodies.Bytes(body), default);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(500, (int)response.StatusCode);
            XksAssert.AssertErrorBody(text, "InternalException");
            Assert.DoesNotContain("ciphertext", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(Plaintext), text, StringComparison.Ordinal);
        }

        Assert.Contains(proxy.Logs.Lines, l => l.Contains("audit trail could not record", StringComparison.Ordinal));
        Directory.Delete(current);
        File.Move(current + ".aside", current);
        await StoreChanges.WaitAsync(async () =>
        {
            using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt(Plaintext)), default);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        });

        var verification = AuditVerifier.Verify(proxy.AuditFolder);
        Assert.True(verification.IsValid, verification.Problem);
        Assert.DoesNotContain(new AuditTrailReader(proxy.AuditFolder).ReadAll(), r => r.Event.Outcome == "InternalException");
    }
}
