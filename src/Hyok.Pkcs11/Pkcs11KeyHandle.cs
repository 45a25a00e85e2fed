using Hyok.Keys;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>A key found on the token: its object handle and usage, valid for one connection generation only.</summary>
internal sealed record Pkcs11KeyHandle(int Generation, IObjectHandle Handle, KeyUsage Usage, long FoundAt);
