using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Hyok.Kms.Configuration;
using Hyok.Kms.Hosting;
using Hyok.Server.Tls;

namespace Hyok.Kms.Tests.Hosting;

/// <summary>With a PEM certificate and key the emulator serves HTTPS only; the real SDK works over it.</summary>
public sealed class HttpsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-kms-https-").FullName;

    [Fact]
    public async Task Serve_WithCertificate_SdkRoundTripOverTls()
    {
        string certificate = Path.Combine(_folder, "kms.crt");
        SelfSignedCertificate.WritePemFiles(certificate, Path.Combine(_folder, "kms.key"), TimeProvider.System, "localhost");
        await File.WriteAllTextAsync(Path.Combine(_folder, "credentials.json"),
            $$"""{"Credentials":[{"AccessKeyId":"{{RunningEmulator.AccessKeyId}}","SecretAccessKey":"{{RunningEmulator.Secret}}","PrincipalArn":"{{RunningEmulator.Principal}}"}]}""");
        var options = new KmsOptions
        {
            Listen = "127.0.0.1:0",
            DatabaseFile = Path.Combine(_folder, "kms.db"),
            MasterKeyFile = Path.Combine(_folder, "kms-master.key"),
            CredentialsFile = Path.Combine(_folder, "credentials.json"),
            CertificateFile = certificate,
            CertificateKeyFile = Path.Combine(_folder, "kms.key"),
        };
        Assert.Empty(KmsOptionsValidator.Validate(options));
        using var emulator = KmsEmulator.Open(options, TimeProvider.System);
        await using var app = KmsServer.Build(emulator, _ => { });
        await app.StartAsync();
        int port = KmsServer.BoundAddresses(app)[0].Port;
        using var pinned = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate));

        using var kms = new AmazonKeyManagementServiceClient(
            new BasicAWSCredentials(RunningEmulator.AccessKeyId, RunningEmulator.Secret),
            new AmazonKeyManagementServiceConfig
            {
                ServiceURL = $"https://localhost:{port}",
                AuthenticationRegion = RunningEmulator.Region,
                MaxErrorRetry = 0,
                HttpClientFactory = new PinnedHttpClientFactory(pinned.RawData),
            });
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        var random = await kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = 16 });

        Assert.Equal(KeyState.Enabled, key.KeyState);
        Assert.Equal(16, random.Plaintext.Length);
        using var plain = new HttpClient();
        using var content = new StringContent("{}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.PostAsync(new Uri($"http://127.0.0.1:{port}/"), content));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class PinnedHttpClientFactory(byte[] certificate) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate);
            return new HttpClient(handler);
        }
    }
}
