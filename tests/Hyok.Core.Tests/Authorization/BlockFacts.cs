using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>Request facts for block tests: an Encrypt of key <c>k1</c> in store <c>ks1</c> by Alice via EBS, unless told otherwise.</summary>
internal static class BlockFacts
{
    public const string Alice = "arn:aws:iam::111122223333:user/Alice";

    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static RequestFacts Encrypt(string keyStore = "ks1", string? keyId = "k1", string? principal = Alice, string? service = "ebs") =>
        new(keyStore, XksOperationKind.Encrypt, keyId, new RequestMetadata
        {
            AwsPrincipalArn = principal,
            KmsViaService = service,
            KmsOperation = "Encrypt",
            KmsRequestId = "request-1",
        });

    public static RequestFacts Health(string keyStore = "ks1") =>
        new(keyStore, XksOperationKind.GetHealthStatus, null, new RequestMetadata { KmsOperation = "CreateCustomKeyStore", KmsRequestId = "request-2" });

    public static Block Block(long id, BlockKind kind, string value, DateTimeOffset? until = null) =>
        new(id, kind, value, Start, until, null);
}
