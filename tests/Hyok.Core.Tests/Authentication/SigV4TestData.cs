using System.Text;
using Hyok.KeyStores;

namespace Hyok.Authentication;

/// <summary>The xks-spec.md §7.1 test vector and the key stores around it.</summary>
internal static class SigV4TestData
{
    public const string AccessKeyId = "AKIAI2SFODNN7EXAMPLE";
    public const string Secret = "FYtE5EFA5FT0mCc3DrGUe2sti527BitkQ0Zr9MO9fvE";
    public const string Region = "us-east-1";
    public const string Host = "xks.example.com";
    public const string AmzDate = "20240515T120000Z";
    public const string Path = "/example/uri/path/prefix/kms/xks/v1/health";
    public const string BodyText = """{"requestMetadata":{"kmsRequestId":"4112f4d6-db54-4af4-ae30-c55a22a8dfae","kmsOperation":"KmsHealthCheck"}}""";
    public const string PayloadHash = "eb8474661176cc50dbf85b19fc3faa770b108791b72c832cfa2520360377436c";
    public const string HashedCanonicalRequest = "f9d0ac3b567b3b2cf67d32a8cd0c256619e25b1fcb4a75b829de094b29b776e7";
    public const string Signature = "7a963db67de31961b22ef05652b9ad014e5c1b1dee949d63d655208548a390c0";

    public const string CanonicalRequest =
        "POST\n/example/uri/path/prefix/kms/xks/v1/health\n\nhost:xks.example.com\nx-amz-date:20240515T120000Z\n\nhost;x-amz-date\n" + PayloadHash;

    public const string Authorization =
        "AWS4-HMAC-SHA256 Credential=AKIAI2SFODNN7EXAMPLE/20240515/us-east-1/kms-xks-proxy/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + Signature;

    /// <summary>A second live credential of the same key store (rotation, xks-spec.md §7.3).</summary>
    public const string SecondAccessKeyId = "BKIAI2SFODNN7EXAMPLE2345";
    public const string SecondSecret = "c2Vjb25kLXNlY3JldC1mb3ItaHlvay10ZXN0cy0xMjM0NTY=";

    /// <summary>A credential that belongs to another key store only.</summary>
    public const string OtherStoreAccessKeyId = "OTHERSTOREKEY234567ABCDEF";
    public const string OtherStoreSecret = "b3RoZXItc3RvcmUtc2VjcmV0LWZvci1oeW9rLXRlc3RzLTE=";

    public static readonly DateTimeOffset SignedAt = new(2024, 5, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly LogicalKeyStore KeyStore = new("example", "/example/uri/path/prefix", Region);

    public static readonly LogicalKeyStore OtherKeyStore = new("other", "/other", Region);

    public static byte[] Body => Encoding.UTF8.GetBytes(BodyText);

    public static InMemoryCredentials Credentials() => new InMemoryCredentials()
        .Add(KeyStore.Name, AccessKeyId, Secret)
        .Add(KeyStore.Name, SecondAccessKeyId, SecondSecret)
        .Add(OtherKeyStore.Name, OtherStoreAccessKeyId, OtherStoreSecret);
}
