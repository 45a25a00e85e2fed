namespace Hyok.Keys;

/// <summary>
/// How a hardware backend names the object of each key version (decision 0010): version 1 is labelled with the
/// external key id itself (so keys made before versioning are version 1 unchanged), version N ≥ 2 with
/// <c>ID:vN</c>. <c>:</c> is not allowed in key ids (xks-spec.md §2.3), so a version label never equals a key id.
/// </summary>
public static class KeyVersionLabels
{
    public static string For(string keyId, int version) => version == 1 ? keyId : $"{keyId}:v{version}";

    /// <summary>Splits a label into key id and version; a label without <c>:vN</c> is version 1 of itself.</summary>
    public static (string KeyId, int Version) Parse(string label)
    {
        int at = label.LastIndexOf(":v", StringComparison.Ordinal);
        return at > 0 && int.TryParse(label.AsSpan(at + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int version) && version >= 2
            ? (label[..at], version)
            : (label, 1);
    }
}
