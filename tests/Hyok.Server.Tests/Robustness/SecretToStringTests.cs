using System.Text;
using Hyok.Authentication;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Protocol;
using Hyok.Server.Tests.Support;
using Hyok.Storage;

namespace Hyok.Server.Tests.Robustness;

/// <summary>ToString of every type holding a secret (what a log template or exception message would print) reveals none of it.</summary>
public sealed class SecretToStringTests
{
    private const string Secret = "ToStringSentinelSecretQz7Xw9Pk2Rt5Vy8Bn3Mh6Jd4";
    private static readonly byte[] SecretBytes = Encoding.ASCII.GetBytes("ToStringSentinelBytes-0123456789ab");

    public static TheoryData<string> Holders => [.. HoldersByName().Keys];

    [Theory]
    [MemberData(nameof(Holders))]
    public void ToString_TypeHoldingSecret_RevealsNoSecret(string type)
    {
        var sentinels = new Sentinels();
        sentinels.AddText("secret", Secret);
        sentinels.AddBytes("secret bytes", SecretBytes);
        sentinels.AddText("secret bytes as Base64 text", Convert.ToBase64String(SecretBytes));
        var holder = HoldersByName()[type]();

        var text = holder.ToString() ?? "";

        Assert.Empty(sentinels.FoundIn(text));
        (holder as IDisposable)?.Dispose();
    }

    private static Dictionary<string, Func<object>> HoldersByName()
    {
        var base64 = Convert.ToBase64String(SecretBytes);
        var signature = SigV4Signer.Sign("POST", "/alpha/kms/xks/v1/health", "xks.example.com", SecretBytes, DateTimeOffset.UtcNow, "us-east-1", "AKIAI2SFODNN7EXAMPLEAAAAAA", Secret);
        var metadata = new RequestMetadata { KmsRequestId = "r", KmsOperation = "Encrypt" };
        return new()
        {
            [nameof(IssuedCredential)] = () => new IssuedCredential("alpha", "AKIAI2SFODNN7EXAMPLEAAAAAA", Secret, DateTimeOffset.UnixEpoch),
            [nameof(MasterKey)] = () => MasterKey.FromBytes(SecretBytes.AsSpan(0, MasterKey.Length)),
            [nameof(SigV4Signature)] = () => new SigV4Signature(signature.Authorization.Replace(signature.Authorization[^64..], Convert.ToHexStringLower(SecretBytes[..32]), StringComparison.Ordinal), signature.AmzDate),
            [nameof(SigV4Request)] = () => new SigV4Request("POST", "/p", _ => Secret, SecretBytes),
            [nameof(EncryptCommand)] = () => new EncryptCommand(metadata, SecretBytes, SecretBytes, false),
            [nameof(DecryptCommand)] = () => new DecryptCommand(metadata, SecretBytes, null, SecretBytes, SecretBytes, SecretBytes),
            [nameof(DecryptResponse)] = () => new DecryptResponse(base64),
            [nameof(EncryptResponse)] = () => new EncryptResponse(base64, base64, base64, "AQ==", "AAAAAAAAAAAAAAAA"),
            [nameof(GcmSealed)] = () => new GcmSealed(SecretBytes, SecretBytes, SecretBytes),
            [nameof(StoredKey)] = () => new StoredKey(new KeyDescriptor("k", "alpha", KeyUsage.EncryptDecrypt, KeyState.Enabled, DateTimeOffset.UnixEpoch), SecretBytes),
            [nameof(TestCredential)] = () => new TestCredential("alpha", "AKIAI2SFODNN7EXAMPLEAAAAAA", Secret),
        };
    }
}
