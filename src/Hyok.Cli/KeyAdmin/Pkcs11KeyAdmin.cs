using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Keys.Software;
using Hyok.Pkcs11;

namespace Hyok.Cli.KeyAdmin;

/// <summary>
/// Keys on a PKCS#11 token: generated on the token (non-extractable, sensitive) with the label = key id,
/// and recorded in Hyok's database with their key store and state (the kill switch). A token key without
/// a record is listed with key store <c>-</c>: Hyok does not serve it.
/// </summary>
internal sealed partial class Pkcs11KeyAdmin(Pkcs11Token token, HardwareKeyRecords records, TimeProvider timeProvider) : IKeyAdmin
{
    private const string Unassigned = "-";

    private readonly Pkcs11KeyManager _manager = new(token);

    public KeyDescriptor Create(string id, string keyStore, KeyUsage usage)
    {
        if (SoftwareKeyStore.IsValidKeyId(id) && records.Find(id) is not null)
        {
            throw new KeyManagementException($"a key with id '{id}' already exists");
        }

        var key = _manager.CreateKeyAsync(id, usage, CancellationToken.None).GetAwaiter().GetResult();
        return Describe(key, records.Add(id, keyStore));
    }

    public IReadOnlyList<KeyDescriptor> List(string? keyStore)
    {
        var byId = records.List().ToDictionary(r => r.Id, StringComparer.Ordinal);
        return [.. TokenKeys()
            .Select(k => Describe(k, byId.GetValueOrDefault(k.Label)))
            .Where(k => keyStore is null || k.KeyStore == keyStore)];
    }

    public KeyDescriptor Get(string id) =>
        TokenKeys().FirstOrDefault(k => k.Label == id) is { } key
            ? Describe(key, records.Find(id))
            : throw new KeyManagementException($"no key labelled '{id}' on token '{token.Info.Label}'");

    public KeyDescriptor SetState(string id, KeyState state)
    {
        var record = records.SetState(id, state);
        var usage = TokenKeys().FirstOrDefault(k => k.Label == id)?.Usage ?? KeyUsage.None;
        return new KeyDescriptor(id, record.KeyStore, usage, record.State, record.CreatedAt);
    }

    public void Dispose() => token.Dispose();

    private IReadOnlyList<Pkcs11KeyInfo> TokenKeys() => _manager.ListKeysAsync(CancellationToken.None).GetAwaiter().GetResult();

    private KeyDescriptor Describe(Pkcs11KeyInfo key, KeyRecord? record) => record is null
        ? new KeyDescriptor(key.Label, Unassigned, key.Usage, KeyState.Disabled, timeProvider.GetUtcNow())
        : new KeyDescriptor(key.Label, record.KeyStore, key.Usage, record.State, record.CreatedAt);
}
