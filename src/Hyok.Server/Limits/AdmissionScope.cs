namespace Hyok.Server.Limits;

/// <summary>The admission slot of the request whose async flow this is; null outside admitted key operations (e.g. health).</summary>
internal static class AdmissionScope
{
    private static readonly AsyncLocal<AdmissionLease?> Lease = new();

    public static AdmissionLease? Current
    {
        get => Lease.Value;
        set => Lease.Value = value;
    }
}
