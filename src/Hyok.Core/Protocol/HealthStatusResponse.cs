namespace Hyok.Protocol;

/// <summary>GetHealthStatus response (xks-spec.md §4.4); every field is required.</summary>
public sealed record HealthStatusResponse(
    int XksProxyFleetSize,
    string XksProxyVendor,
    string XksProxyModel,
    string EkmVendor,
    IReadOnlyList<EkmFleetDetail> EkmFleetDetails);
