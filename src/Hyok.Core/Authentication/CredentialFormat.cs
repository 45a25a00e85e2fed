using System.Buffers;

namespace Hyok.Authentication;

/// <summary>The credential formats KMS accepts (xks-spec.md §7.2).</summary>
public static class CredentialFormat
{
    private static readonly SearchValues<char> AccessKeyIdChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    private static readonly SearchValues<char> SecretChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+=");

    /// <summary>20-30 characters of the Base32 alphabet <c>A-Z 2-7</c>.</summary>
    public static bool IsValidAccessKeyId(string? value) =>
        value is { Length: >= 20 and <= 30 } && !value.AsSpan().ContainsAnyExcept(AccessKeyIdChars);

    /// <summary>43-64 characters of <c>a-z A-Z 0-9 / + =</c>.</summary>
    public static bool IsValidSecret(string? value) =>
        value is { Length: >= 43 and <= 64 } && !value.AsSpan().ContainsAnyExcept(SecretChars);
}
