using Hyok.KeyStores;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>A matched API URI: which logical key store, which operation, which external key.</summary>
internal sealed record XksRoute(LogicalKeyStore Store, XksOperationKind Operation, string? KeyId);
