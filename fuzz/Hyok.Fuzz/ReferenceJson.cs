using System.Text.Json;
using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>
/// A second reading of an accepted body with the same JSON contract, and .NET's own Base64 decoder as the reference for
/// <see cref="StrictBase64"/>: what Hyok decoded must be exactly what the field says.
/// </summary>
internal static class ReferenceJson
{
    public static EncryptRequest Encrypt(byte[] body) =>
        JsonSerializer.Deserialize(body, XksJsonContext.Default.EncryptRequest) ?? throw new FuzzInvariantException("accepted body reads as null");

    public static DecryptRequest Decrypt(byte[] body) =>
        JsonSerializer.Deserialize(body, XksJsonContext.Default.DecryptRequest) ?? throw new FuzzInvariantException("accepted body reads as null");

    public static void RequireSameBase64(string? field, byte[] decoded, string name)
    {
        FuzzInvariantException.Require(field is not null, $"{name} was accepted while absent");
        FuzzInvariantException.Require(Convert.FromBase64String(field!).AsSpan().SequenceEqual(decoded), $"{name} decoded differently from Convert.FromBase64String");
        FuzzInvariantException.Require(Convert.ToBase64String(decoded).Length == field!.Length, $"{name} is not in canonical padded form");
    }
}
