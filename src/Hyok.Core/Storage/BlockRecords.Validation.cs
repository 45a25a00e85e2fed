using System.Globalization;
using Hyok.Authorization;
using Hyok.Keys.Software;

namespace Hyok.Storage;

/// <summary>Input rules for blocks: a value that could never equal a request's fact is refused rather than stored.</summary>
public sealed partial class BlockRecords
{
    /// <summary>The longest value or reason accepted: the spec's longest ARN (xks-spec.md §3.1).</summary>
    public const int MaxLength = 2048;

    private static void Validate(BlockKind kind, string value, DateTimeOffset? until, string? reason, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new KeyManagementException($"'{kind}' is not a block kind: use key, key-store, principal or service");
        }

        RequireText("the value to block", value);
        if (value.Trim().Length != value.Length)
        {
            throw new KeyManagementException("the value to block starts or ends with white space; blocks match exactly");
        }

        if (kind == BlockKind.Key)
        {
            SoftwareKeyStore.RequireKeyId(value);
        }
        else if (kind == BlockKind.KeyStore)
        {
            SoftwareKeyStore.RequireKeyStoreName(value);
        }

        if (reason is not null)
        {
            RequireText("the reason", reason);
        }

        if (until is { } end && end <= now)
        {
            throw new KeyManagementException($"the block would end at {end.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}, which is not in the future");
        }
    }

    private static void RequireText(string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new KeyManagementException($"{what} is empty");
        }

        if (text.Length > MaxLength)
        {
            throw new KeyManagementException($"{what} is longer than {MaxLength} characters");
        }

        if (text.Any(char.IsControl))
        {
            throw new KeyManagementException($"{what} contains control characters");
        }
    }
}
