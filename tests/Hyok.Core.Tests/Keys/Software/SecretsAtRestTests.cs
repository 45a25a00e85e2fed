using System.Text;
using Hyok.Authentication;
using Hyok.Storage;

namespace Hyok.Keys.Software;

public sealed class SecretsAtRestTests
{
    [Fact]
    public void DatabaseFiles_WhileOpenAndAfterClose_NeverContainKeyMaterialOrSecrets()
    {
        using var store = new TestStore();
        store.Store.CreateKey("k1", "ks1");
        var credential = store.Store.AddCredential("ks1");
        string imported = CredentialGenerator.NewSecret();
        store.Store.ImportCredential("ks1", CredentialGenerator.NewAccessKeyId(), imported);
        byte[] material;
        byte[] healthMaterial;
        using (var lease = store.Watcher.Acquire())
        {
            material = (byte[])lease.Snapshot.Keys["k1"].Material.Clone();
            healthMaterial = (byte[])lease.Snapshot.HealthKey!.Material.Clone();
        }

        byte[][] sentinels = [material, healthMaterial, store.KeyBytes, Encoding.ASCII.GetBytes(credential.Secret), Encoding.ASCII.GetBytes(imported)];

        AssertNoSentinel(store.Directory.Path, sentinels);
        store.Watcher.Dispose();
        store.Database.Dispose();
        AssertNoSentinel(store.Directory.Path, sentinels);
        string everything = string.Concat(Directory.GetFiles(store.Directory.Path, "hyok.db*").Select(f => Encoding.ASCII.GetString(ReadAll(f))));
        Assert.Contains(credential.AccessKeyId, everything, StringComparison.Ordinal);
    }

    private static void AssertNoSentinel(string directory, byte[][] sentinels)
    {
        string[] files = Directory.GetFiles(directory, "hyok.db*");
        Assert.Contains(files, f => f.EndsWith("hyok.db", StringComparison.Ordinal));
        foreach (string file in files)
        {
            byte[] content = ReadAll(file);
            foreach (byte[] sentinel in sentinels)
            {
                Assert.True(content.AsSpan().IndexOf(sentinel) < 0, $"{Path.GetFileName(file)} contains a secret");
            }
        }
    }

    private static byte[] ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
