using System.Globalization;
using System.Text.Json;

namespace Hyok.Kms.Protocol;

/// <summary>Blob (Base64) and map members of a KMS request body.</summary>
internal sealed partial class KmsRequest
{
    /// <summary>Most pairs an encryption context may have in the emulator (a documented limit; KMS's is by size).</summary>
    public const int MaxContextPairs = 64;

    /// <summary>A Base64 blob member of 1..<paramref name="maxBytes"/> bytes, or null.</summary>
    public byte[]? Blob(string name, int maxBytes)
    {
        string? text = Member(name, JsonValueKind.String)?.GetString();
        if (text is null)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new KmsException(KmsErrors.Serialization($"The value of {name} is not valid Base64."));
        }

        return bytes.Length is 0 || bytes.Length > maxBytes
            ? throw new KmsException(KmsErrors.Validation(name, $"Member must have length less than or equal to {maxBytes.ToString(CultureInfo.InvariantCulture)} and greater than or equal to 1"))
            : bytes;
    }

    public byte[] RequiredBlob(string name, int maxBytes) =>
        Blob(name, maxBytes) ?? throw new KmsException(KmsErrors.Validation(name, "Member must not be null"));

    /// <summary>An encryption context (string to string map); absent and empty are the same, an empty dictionary.</summary>
    public SortedDictionary<string, string> Context(string name)
    {
        var context = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var element = Member(name, JsonValueKind.Object);
        if (element is null)
        {
            return context;
        }

        foreach (var property in element.Value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw new KmsException(KmsErrors.Serialization($"The values of {name} must be strings."));
            }

            context[property.Name] = property.Value.GetString()!;
        }

        return context.Count > MaxContextPairs
            ? throw new KmsException(KmsErrors.Validation($"{name} has more than {MaxContextPairs.ToString(CultureInfo.InvariantCulture)} pairs."))
            : context;
    }
}
