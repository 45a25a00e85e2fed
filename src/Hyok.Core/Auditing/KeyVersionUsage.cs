namespace Hyok.Auditing;

/// <summary>
/// Use counts of each version of a key, from the audit trail (decision 0010): successful Encrypt and Decrypt records of
/// that key, by their <c>keyVersion</c>. Records written before versioning have none and count as version 1, which
/// is what every ciphertext of that time used. Reads the whole trail: an admin command's cost, never a request's.
/// </summary>
public static class KeyVersionUsage
{
    /// <summary>Successful encryptions and decryptions per version of <paramref name="keyId"/>.</summary>
    public static IReadOnlyDictionary<int, (long Encrypts, long Decrypts)> Count(AuditTrailReader reader, string keyId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var counts = new Dictionary<int, (long Encrypts, long Decrypts)>();
        foreach (var record in reader.ReadAll())
        {
            var e = record.Event;
            if (e.Outcome != "OK" || !string.Equals(e.ExternalKeyId, keyId, StringComparison.Ordinal))
            {
                continue;
            }

            int version = e.KeyVersion ?? 1;
            var (encrypts, decrypts) = counts.GetValueOrDefault(version);
            counts[version] = e.XksOperation switch
            {
                "Encrypt" => (encrypts + 1, decrypts),
                "Decrypt" => (encrypts, decrypts + 1),
                _ => (encrypts, decrypts),
            };
        }

        return counts;
    }
}
