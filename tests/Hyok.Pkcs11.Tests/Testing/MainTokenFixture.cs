using Hyok.Testing;
using Hyok.Keys;

namespace Hyok.Pkcs11.Testing;

/// <summary>The main SoftHSM token opened once per test class, with one key per usage combination.</summary>
public sealed class MainTokenFixture : IDisposable
{
    public const string Both = "key-both";
    public const string EncryptOnly = "key-encrypt-only";
    public const string DecryptOnly = "key-decrypt-only";
    public const string NoUsage = "key-no-usage";

    public MainTokenFixture()
    {
        Token = Pkcs11Token.Open(SoftHsm.Shared.Main.Options());
        var manager = new Pkcs11KeyManager(Token);
        var existing = manager.ListKeysAsync(default).GetAwaiter().GetResult().Select(k => k.Label).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, usage) in new[] { (Both, KeyUsage.EncryptDecrypt), (EncryptOnly, KeyUsage.Encrypt), (DecryptOnly, KeyUsage.Decrypt), (NoUsage, KeyUsage.None) })
        {
            if (!existing.Contains(id))
            {
                manager.CreateKeyAsync(id, usage, default).GetAwaiter().GetResult();
            }

            Directory.Add(id);
        }

        Backend = new Pkcs11KeyBackend(Token, Directory, TimeProvider.System);
    }

    public Pkcs11Token Token { get; }

    public FakeKeyDirectory Directory { get; } = new();

    public Pkcs11KeyBackend Backend { get; }

    public void Dispose() => Token.Dispose();
}
