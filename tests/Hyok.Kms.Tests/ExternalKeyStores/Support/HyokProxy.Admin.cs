using Hyok.Auditing;
using Hyok.Authorization;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Storage;

namespace Hyok.Kms.Tests.ExternalKeyStores.Support;

/// <summary>
/// What the key owner does to the running proxy, as <c>hyok keys</c>, <c>hyok credentials</c> and <c>hyok block</c> do:
/// changes in its database, picked up by its store watcher (refreshed at once here). Also reads its audit trail.
/// </summary>
public partial class HyokProxy
{
    public string AuditFolder => Path.Combine(Folder, "audit");

    private SoftwareKeyStore Admin => new((_runtime ?? throw new InvalidOperationException("not started")).Database);

    /// <summary>A new external key in <see cref="Alpha"/> with a fresh id, so a test can change it without affecting others.</summary>
    public string CreateKey(KeyUsage usage = KeyUsage.EncryptDecrypt)
    {
        string id = "t-" + Guid.NewGuid().ToString("N")[..12];
        Admin.CreateKey(id, Alpha, usage);
        Refresh();
        return id;
    }

    /// <summary><c>hyok keys disable|enable ID</c>.</summary>
    public void SetKeyState(string id, KeyState state)
    {
        Admin.SetState(id, state);
        Refresh();
    }

    /// <summary><c>hyok keys rotate ID</c>: a new key version becomes current; returns its number.</summary>
    public int RotateKey(string id)
    {
        var version = Admin.RotateKey(id);
        Refresh();
        return version.Version;
    }

    /// <summary><c>hyok block KIND VALUE</c>; disposing the result lifts the block (<c>hyok unblock</c>).</summary>
    public IDisposable Block(BlockKind kind, string value)
    {
        var blocks = new BlockRecords(_runtime!.Database);
        blocks.Set(kind, value, reason: "tests: the key owner pulled the plug");
        Refresh();
        return new Unblock(() =>
        {
            blocks.Remove(kind, value);
            Refresh();
        });
    }

    /// <summary><c>hyok credentials add alpha</c>.</summary>
    public IssuedCredential AddAlphaCredential()
    {
        var credential = Admin.AddCredential(Alpha);
        Refresh();
        return credential;
    }

    /// <summary><c>hyok credentials remove alpha ACCESS_KEY_ID</c>.</summary>
    public void RemoveAlphaCredential(string accessKeyId)
    {
        Admin.RemoveCredential(Alpha, accessKeyId);
        Refresh();
    }

    /// <summary>Stops the proxy: from now on nothing listens on its port.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
        }
    }

    /// <summary>The audit records of the requests that carried <paramref name="kmsRequestId"/>, oldest first.</summary>
    public IReadOnlyList<AuditEvent> AuditOf(string kmsRequestId) =>
        [.. new AuditTrailReader(AuditFolder).ReadAll().Select(r => r.Event).Where(e => e.KmsRequestId == kmsRequestId)];

    private void Refresh() => _runtime!.Watcher.Refresh();

    private sealed class Unblock(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
