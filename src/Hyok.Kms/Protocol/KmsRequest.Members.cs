using System.Globalization;
using System.Text.Json;

namespace Hyok.Kms.Protocol;

/// <summary>Typed members of a KMS request body.</summary>
internal sealed partial class KmsRequest
{
    /// <summary>A string member of 1..<paramref name="maxLength"/> characters, or null when absent.</summary>
    public string? String(string name, int maxLength = 2048)
    {
        string? value = Member(name, JsonValueKind.String)?.GetString();
        if (value is not null && (value.Length == 0 || value.Length > maxLength))
        {
            throw new KmsException(KmsErrors.Validation(
                name, $"Member must have length between 1 and {maxLength.ToString(CultureInfo.InvariantCulture)}"));
        }

        return value;
    }

    /// <summary>A string member of 0..<paramref name="maxLength"/> characters (e.g. Description), or null.</summary>
    public string? Optional(string name, int maxLength)
    {
        string? value = Member(name, JsonValueKind.String)?.GetString();
        return value is not null && value.Length > maxLength
            ? throw new KmsException(KmsErrors.Validation(
                name, $"Member must have length less than or equal to {maxLength.ToString(CultureInfo.InvariantCulture)}"))
            : value;
    }

    public string RequiredString(string name, int maxLength = 2048) =>
        String(name, maxLength) ?? throw new KmsException(KmsErrors.Validation(name, "Member must not be null"));

    /// <summary>A string member that must be one of <paramref name="allowed"/> (an AWS enum), or null.</summary>
    public string? Enum(string name, params string[] allowed)
    {
        string? value = Member(name, JsonValueKind.String)?.GetString();
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new KmsException(KmsErrors.Validation(name, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]", value));
        }

        return value;
    }

    /// <summary>An integer member within [<paramref name="min"/>, <paramref name="max"/>], or null.</summary>
    public int? Int(string name, int min, int max)
    {
        var element = Member(name, JsonValueKind.Number);
        if (element is null)
        {
            return null;
        }

        if (!element.Value.TryGetInt32(out int value))
        {
            throw new KmsException(KmsErrors.Serialization($"The value of {name} is not an integer."));
        }

        string text = value.ToString(CultureInfo.InvariantCulture);
        return value < min
            ? throw new KmsException(KmsErrors.Validation(name, $"Member must have value greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}", text))
            : value > max
                ? throw new KmsException(KmsErrors.Validation(name, $"Member must have value less than or equal to {max.ToString(CultureInfo.InvariantCulture)}", text))
                : value;
    }

    public bool? Bool(string name) => Member(name, JsonValueKind.True)?.GetBoolean();

    /// <summary>A nested structure member (e.g. <c>XksProxyAuthenticationCredential</c>) with the same member rules, or null.</summary>
    public KmsRequest? Structure(string name) => Member(name, JsonValueKind.Object) is { } element ? new KmsRequest(element) : null;
}
