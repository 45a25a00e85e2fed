namespace Hyok.Pkcs11;

/// <summary>What the token says about itself (CK_TOKEN_INFO), for GetHealthStatus's ekmFleetDetails and for operators.</summary>
/// <param name="Manufacturer">manufacturerID, e.g. <c>SoftHSM project</c>.</param>
/// <param name="Model">model, e.g. <c>SoftHSM v2</c>.</param>
/// <param name="SerialNumber">serialNumber.</param>
/// <param name="Label">label.</param>
public sealed record Pkcs11TokenInfo(string Manufacturer, string Model, string SerialNumber, string Label)
{
    /// <summary>The ekmFleetDetails model: <c>Manufacturer Model (serial N)</c>.</summary>
    public string Description => $"{Manufacturer} {Model} (serial {SerialNumber})";
}
