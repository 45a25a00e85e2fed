using BenchmarkDotNet.Attributes;
using Hyok.Authentication;
using Hyok.KeyStores;
using Hyok.Protocol;

namespace Hyok.Benchmarks;

/// <summary>
/// SigV4 verification (xks-spec.md §7.1) of one realistic Encrypt request as KMS signs it: host, x-amz-date and
/// content-type, a body of about 500 bytes. The verifier is built once, as the server builds it.
/// </summary>
[MemoryDiagnoser]
public class SigV4VerifyBenchmarks
{
    private const string Host = "xks.example.com";
    private const string Path = "/keystores/default/kms/xks/v1/keys/demo-key/encrypt";
    private const string AccessKeyId = "AKIAI2SFODNN7EXAMPLE";
    private const string Secret = "FYtE5EFA5FT0mCc3DrGUe2sti527BitkQ0Zr9MO9fvE";

    private static readonly LogicalKeyStore KeyStore = new("default", "/keystores/default", "us-east-1");

    private SigV4Verifier verifier = null!;
    private SigV4Request request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var signedAt = new DateTimeOffset(2024, 5, 15, 12, 0, 0, TimeSpan.Zero);
        byte[] body = EncryptBody.Create(32, 0);
        var extra = new Dictionary<string, string> { ["content-type"] = "application/json" };
        SigV4Signature signature = SigV4Signer.Sign("POST", Path, Host, body, signedAt, KeyStore.Region, AccessKeyId, Secret, extra);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = Host,
            ["content-type"] = "application/json",
            ["x-amz-date"] = signature.AmzDate,
            ["authorization"] = signature.Authorization,
        };
        request = new SigV4Request("POST", Path, name => headers.GetValueOrDefault(name), body);
        verifier = new SigV4Verifier(new OneCredential(KeyStore.Name, AccessKeyId, Secret), new FixedTime(signedAt.AddSeconds(1)));
        if (!Verify().IsSuccess)
        {
            throw new InvalidOperationException("The benchmark request does not verify.");
        }
    }

    [Benchmark]
    public XksResult<SigV4Principal> Verify() => verifier.Verify(request, KeyStore);

    private sealed class OneCredential(string keyStore, string accessKeyId, string secret) : ICredentialLookup
    {
        public string? FindSecret(string keyStore1, string accessKeyId1) =>
            keyStore1 == keyStore && accessKeyId1 == accessKeyId ? secret : null;
    }
}
