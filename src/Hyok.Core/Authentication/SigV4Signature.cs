namespace Hyok.Authentication;

/// <summary>The two headers a signed request carries (xks-spec.md §7.1).</summary>
/// <param name="Authorization">The <c>Authorization</c> header value; a secret-derived value, never log it.</param>
/// <param name="AmzDate">The <c>X-Amz-Date</c> header value, <c>yyyyMMddTHHmmssZ</c>.</param>
public sealed record SigV4Signature(string Authorization, string AmzDate)
{
    /// <summary>Keeps the signature out of logs and exception messages.</summary>
    public override string ToString() => $"SigV4Signature {{ AmzDate = {AmzDate} }}";
}
