using System.Buffers;

namespace Hyok.Keys.Software;

/// <summary>Input rules for key ids and key store names.</summary>
public sealed partial class SoftwareKeyStore
{
    /// <summary>The longest key store name accepted.</summary>
    public const int MaxKeyStoreNameLength = 64;

    private static readonly SearchValues<char> KeyIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");

    private static readonly SearchValues<char> KeyStoreNameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>1-128 characters of <c>A-Z a-z 0-9 - . _</c> (xks-spec.md §2.3).</summary>
    public static bool IsValidKeyId(string? id) =>
        id is { Length: >= 1 and <= 128 } && !id.AsSpan().ContainsAnyExcept(KeyIdChars);

    /// <summary>1-64 characters of <c>A-Z a-z 0-9 - _</c>, as for <see cref="KeyStores.LogicalKeyStore.Name"/>.</summary>
    public static bool IsValidKeyStoreName(string? name) =>
        name is { Length: >= 1 and <= MaxKeyStoreNameLength } && !name.AsSpan().ContainsAnyExcept(KeyStoreNameChars);

    internal static void RequireKeyId(string? id)
    {
        if (!IsValidKeyId(id))
        {
            throw new KeyManagementException(
                $"'{id}' is not a valid key id: use 1-128 characters of A-Z a-z 0-9 - . _");
        }
    }

    internal static void RequireKeyStoreName(string? name)
    {
        if (!IsValidKeyStoreName(name))
        {
            throw new KeyManagementException(
                $"'{name}' is not a valid key store name: use 1-{MaxKeyStoreNameLength} characters of A-Z a-z 0-9 - _");
        }
    }
}
