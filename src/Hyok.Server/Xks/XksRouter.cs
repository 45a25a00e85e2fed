using System.Buffers;
using Hyok.KeyStores;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>
/// Maps a request path to a key store and operation (xks-spec.md §2.1-2.3); anything else is
/// 404 InvalidUriPathException. With several prefixes the longest matching one wins.
/// </summary>
internal sealed class XksRouter(IReadOnlyList<LogicalKeyStore> stores)
{
    private const int MaxKeyIdLength = 128;
    private static readonly SearchValues<char> KeyIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");

    private readonly LogicalKeyStore[] _storesLongestFirst = [.. stores.OrderByDescending(s => s.UriPath.Length)];

    public IReadOnlyList<LogicalKeyStore> Stores => _storesLongestFirst;

    public XksRoute? Match(string path)
    {
        foreach (var store in _storesLongestFirst)
        {
            var uriPath = store.UriPath;
            if (path.Length > uriPath.Length && path[uriPath.Length] == '/' && path.StartsWith(uriPath, StringComparison.Ordinal))
            {
                return MatchOperation(store, path.AsSpan(uriPath.Length + 1));
            }
        }

        return null;
    }

    private static XksRoute? MatchOperation(LogicalKeyStore store, ReadOnlySpan<char> rest)
    {
        if (rest.SequenceEqual("health"))
        {
            return new XksRoute(store, XksOperationKind.GetHealthStatus, null);
        }

        if (!rest.StartsWith("keys/"))
        {
            return null;
        }

        rest = rest["keys/".Length..];
        var slash = rest.IndexOf('/');
        if (slash is < 1 or > MaxKeyIdLength || rest[..slash].ContainsAnyExcept(KeyIdChars))
        {
            return null;
        }

        XksOperationKind? operation = rest[(slash + 1)..] switch
        {
            "metadata" => XksOperationKind.GetKeyMetadata,
            "encrypt" => XksOperationKind.Encrypt,
            "decrypt" => XksOperationKind.Decrypt,
            _ => null,
        };
        return operation is { } kind ? new XksRoute(store, kind, rest[..slash].ToString()) : null;
    }
}
