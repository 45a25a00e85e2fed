using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// The members of an UpdateCustomKeyStore request for an external key store: each null when not given. The proxy
/// parameters are checked with <see cref="XksProxyParameters"/>; a credential needs both parts even when one changes.
/// <see cref="object.ToString"/> redacts the secret.
/// </summary>
internal sealed record KeyStoreUpdateInput(
    string Id, string? NewName, string? Connectivity, string? UriEndpoint, string? UriPath, string? AccessKeyId, string? Secret, string? VpcEndpointServiceName)
{
    private static readonly string[] CloudHsmMembers = ["CloudHsmClusterId", "KeyStorePassword"];

    /// <summary>Connectivity, endpoint and VPC endpoint service can change only while the store is DISCONNECTED (xks-spec.md §10.2).</summary>
    public bool NeedsDisconnected => Connectivity is not null || UriEndpoint is not null || VpcEndpointServiceName is not null;

    /// <summary>Whether the proxy is reached differently afterwards, so the new values need a GetHealthStatus first.</summary>
    public bool ChangesProxy => NeedsDisconnected || UriPath is not null || AccessKeyId is not null;

    public static KeyStoreUpdateInput Parse(KmsRequest request)
    {
        string id = request.RequiredString("CustomKeyStoreId", 64);
        string? name = request.String("NewCustomKeyStoreName", 256);
        if (CloudHsmMembers.FirstOrDefault(m => request.String(m, 8192) is not null) is { } cloudHsm)
        {
            throw new KmsException(KmsErrors.Validation($"{cloudHsm} is not valid for a custom key store of type EXTERNAL_KEY_STORE."));
        }

        string? connectivity = request.Enum("XksProxyConnectivity", XksProxyUniqueness.PublicEndpoint, XksProxyUniqueness.VpcEndpointService);
        string? endpoint = request.String("XksProxyUriEndpoint", 4096);
        string? path = request.String("XksProxyUriPath", 4096);
        string? vpces = request.String("XksProxyVpcEndpointServiceName", 64);
        var credential = request.Structure(KeyStoreInput.CredentialMember);
        string? accessKeyId = credential?.String("AccessKeyId", 4096);
        string? secret = credential?.String("RawSecretAccessKey", 4096);
        if (credential is not null && accessKeyId is null && secret is null)
        {
            throw new KmsException(XksProxyParameters.ValidationError(
                ["Value at 'xksProxyAuthenticationCredential' failed to satisfy constraint: Member must have both accessKeyId and rawSecretAccessKey"])!);
        }

        if (XksProxyParameters.Check(endpoint, path, accessKeyId, secret) is { } invalid)
        {
            throw new KmsException(invalid);
        }

        return new KeyStoreUpdateInput(id, name, connectivity, endpoint, path, accessKeyId, secret, vpces);
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", NewName = ").Append(NewName).Append(", Connectivity = ").Append(Connectivity)
            .Append(", UriEndpoint = ").Append(UriEndpoint).Append(", UriPath = ").Append(UriPath).Append(", AccessKeyId = ").Append(AccessKeyId)
            .Append(", Secret = ").Append(Secret is null ? "(none)" : "(redacted)").Append(", VpcEndpointServiceName = ").Append(VpcEndpointServiceName);
        return true;
    }
}
