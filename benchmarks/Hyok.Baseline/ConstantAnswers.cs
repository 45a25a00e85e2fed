using System.Text;

namespace Hyok.Baseline;

/// <summary>
/// The constant bodies: an Encrypt answer of the size Hyok gives for a 32-byte data key with CDIV (xks-spec.md §4.2), and
/// for paths ending in <c>/health</c> a GetHealthStatus answer (§4.4), so <c>hyok bench</c> reports this backend by name.
/// Shared with the nginx configuration of scripts/bench-ceiling, which prints them with <c>--print-bodies</c>.
/// </summary>
internal static class ConstantAnswers
{
    public static readonly byte[] Encrypt = Encoding.UTF8.GetBytes(
        """{"authenticationTag":"vH2wBxnI2UkXP0vGr8FJ0g==","ciphertext":"m2EI3TqKZqmgB9RR0BS2XJmMXOj8U5qPOwRg0e01g6Y=","ciphertextDataIntegrityValue":"z0c8WT7V6X7h6N1vzcLB8Y2TgyW6B0pyr1I3Yi0Wb3U=","ciphertextMetadata":"AQ==","initializationVector":"0zBKpwO3BbS3fuku"}""");

    public static byte[] Health(string model) => Encoding.UTF8.GetBytes(
        $$"""{"xksProxyFleetSize":1,"xksProxyVendor":"Hyok","xksProxyModel":"ceiling","ekmVendor":"none","ekmFleetDetails":[{"id":"1","model":"{{model}}","healthStatus":"ACTIVE"}]}""");
}
