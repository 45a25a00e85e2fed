using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Hyok.Kms.Tests.Hosting;

/// <summary>A sentinel plaintext, context value and secret pushed through every path never shows up in logs or error bodies.</summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    private const string Sentinel = "SENTINEL-7c1e-plaintext";
    private const string ContextSentinel = "SENTINEL-context-value";
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-kms-leak-").FullName;
    private readonly CapturedLogs _logs = new();
    private RunningEmulator? _running;

    public async Task InitializeAsync() => _running = await RunningEmulator.StartAsync(_folder, _logs);

    public async Task DisposeAsync()
    {
        await _running!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EveryPath_Sentinels_NeverInLogsOrErrors()
    {
        using var kms = _running!.Client();
        var context = new Dictionary<string, string> { ["owner"] = ContextSentinel };
        var errors = new List<string>();
        string keyId = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata.KeyId;
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8(Sentinel), EncryptionContext = context });
        await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = context });
        await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = keyId, NumberOfBytes = 32, EncryptionContext = context });
        errors.Add(await ErrorOf(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob })));
        errors.Add(await ErrorOf(() => kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8(Sentinel + new string('x', 4096)) })));
        await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = keyId });
        errors.Add(await ErrorOf(() => kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8(Sentinel), EncryptionContext = context })));
        using var wrong = _running.Client(secret: RunningEmulator.Secret + "x");
        errors.Add(await ErrorOf(() => wrong.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = Utf8(Sentinel) })));

        string everything = string.Join('\n', _logs.Lines.Concat(errors));
        Assert.Contains("KMS Encrypt by arn:aws:iam::111122223333:user/tester", everything, StringComparison.Ordinal);
        foreach (var secret in new[] { Sentinel, ContextSentinel, RunningEmulator.Secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(Sentinel)) })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ErrorOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(call);
        return $"{error.ErrorCode} {error.Message}";
    }
}
