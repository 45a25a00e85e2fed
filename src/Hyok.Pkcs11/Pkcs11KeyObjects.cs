using Hyok.Keys;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// The token objects Hyok uses: AES-256 secret keys labelled with the external key id. Keys are generated on
/// the token as token objects, private, sensitive and non-extractable; usage is CKA_ENCRYPT / CKA_DECRYPT;
/// wrapping is off (xks-spec.md §5.1).
/// </summary>
internal static class Pkcs11KeyObjects
{
    private const ulong KeyLength = 32;
    private static readonly List<CKA> DescriptionAttributes = [CKA.CKA_LABEL, CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT, CKA.CKA_VALUE_LEN];

    /// <summary>Every token AES key, or the ones labelled <paramref name="label"/>.</summary>
    public static List<IObjectHandle> FindAesKeys(ISession session, string? label)
    {
        var attributes = Pkcs11Module.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, CKK.CKK_AES),
            attributes.Create(CKA.CKA_TOKEN, true),
        };
        if (label is not null)
        {
            template.Add(attributes.Create(CKA.CKA_LABEL, label));
        }

        return session.FindAllObjects(template);
    }

    /// <summary>The label, usage and key length in bytes of a key.</summary>
    public static (string Label, KeyUsage Usage, ulong Length) Describe(ISession session, IObjectHandle key)
    {
        var values = session.GetAttributeValue(key, DescriptionAttributes);
        var usage = (values[1].GetValueAsBool() ? KeyUsage.Encrypt : KeyUsage.None)
            | (values[2].GetValueAsBool() ? KeyUsage.Decrypt : KeyUsage.None);
        return (values[0].GetValueAsString() ?? "", usage, values[3].GetValueAsUlong());
    }

    /// <summary>True when the key is an AES-256 key.</summary>
    public static bool IsAes256(ulong length) => length == KeyLength;

    /// <summary>Generates a new AES-256 key on the token (CKM_AES_KEY_GEN) with <paramref name="usage"/>.</summary>
    public static IObjectHandle Generate(ISession session, string label, KeyUsage usage)
    {
        var attributes = Pkcs11Module.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, CKK.CKK_AES),
            attributes.Create(CKA.CKA_VALUE_LEN, KeyLength),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_PRIVATE, true),
            attributes.Create(CKA.CKA_SENSITIVE, true),
            attributes.Create(CKA.CKA_EXTRACTABLE, false),
            attributes.Create(CKA.CKA_ENCRYPT, usage.HasFlag(KeyUsage.Encrypt)),
            attributes.Create(CKA.CKA_DECRYPT, usage.HasFlag(KeyUsage.Decrypt)),
            attributes.Create(CKA.CKA_WRAP, false),
            attributes.Create(CKA.CKA_UNWRAP, false),
            attributes.Create(CKA.CKA_SIGN, false),
            attributes.Create(CKA.CKA_VERIFY, false),
            attributes.Create(CKA.CKA_DERIVE, false),
        };
        using var mechanism = Pkcs11Module.Factories.MechanismFactory.Create(CKM.CKM_AES_KEY_GEN);
        return session.GenerateKey(mechanism, template);
    }

    /// <summary>
    /// Throws CKR_TOKEN_NOT_PRESENT when the health key created at connection time is gone: the token was removed,
    /// replaced or wiped behind the module's back (SoftHSM reports a token whose files vanished as present but empty),
    /// so the module must be re-initialised rather than keys reported missing.
    /// </summary>
    public static void EnsureSameToken(ISession session)
    {
        if (FindAesKeys(session, Pkcs11Token.HealthKeyLabel).Count == 0)
        {
            throw new Pkcs11Exception("C_FindObjects", CKR.CKR_TOKEN_NOT_PRESENT);
        }
    }

    /// <summary>Creates the health key <see cref="Pkcs11Token.HealthKeyLabel"/> when the token has none.</summary>
    public static void EnsureHealthKey(ISession session)
    {
        if (FindAesKeys(session, Pkcs11Token.HealthKeyLabel).Count == 0)
        {
            Generate(session, Pkcs11Token.HealthKeyLabel, KeyUsage.EncryptDecrypt);
        }
    }
}
