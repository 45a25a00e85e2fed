using Hyok.Keys;

namespace Hyok.Pkcs11;

/// <summary>An AES-256 key on the token as <see cref="Pkcs11KeyManager"/> lists it.</summary>
/// <param name="Label">The label: the external key id.</param>
/// <param name="Usage">From CKA_ENCRYPT / CKA_DECRYPT.</param>
public sealed record Pkcs11KeyInfo(string Label, KeyUsage Usage);
