using Hyok.Keys;
using Hyok.Keys.Software;

namespace Hyok.Cli.KeyAdmin;

/// <summary>
/// Versions on the token (decision 0010): a rotation generates the object <c>ID:vN</c> with the usage of the current
/// version, then records it; a retirement records it first (servers refuse the version at once), then destroys the object.
/// </summary>
internal sealed partial class Pkcs11KeyAdmin
{
    public KeyVersionInfo Rotate(string id)
    {
        var record = records.Find(id) ?? throw new KeyManagementException($"no key with id '{id}'");
        var usage = TokenKeys().FirstOrDefault(k => k.Label == id)?.Usage
            ?? throw new KeyManagementException($"no key labelled '{id}' on token '{token.Info.Label}'");
        int next = records.NextVersion(record.Id);
        _manager.CreateVersionAsync(id, next, usage, CancellationToken.None).GetAwaiter().GetResult();
        return records.AddVersion(id, next);
    }

    public IReadOnlyList<KeyVersionInfo> Versions(string id) => records.ListVersions(id);

    public void RequireRetirable(string id, int version) => records.RequireRetirable(id, version);

    public KeyVersionInfo Retire(string id, int version)
    {
        var retired = records.MarkRetired(id, version);
        if (_manager.DestroyVersionAsync(id, version, CancellationToken.None).GetAwaiter().GetResult() == 0)
        {
            throw new KeyManagementException($"version {version} of key '{id}' is retired, but no object for it was found on token '{token.Info.Label}'");
        }

        return retired;
    }

    public void SetSchedule(string id, TimeSpan? every) => records.SetRotationSchedule(id, every);

    public TimeSpan? GetSchedule(string id) => records.GetRotationSchedule(id);

    public IReadOnlyList<(string KeyId, KeyVersionInfo Version)> RotateDue() => [.. records.DueKeys().Select(id => (id, Rotate(id)))];
}
