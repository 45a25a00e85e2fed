using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// The external key store members of a CreateCustomKeyStore request, checked with the API's rules
/// (<see cref="XksProxyParameters"/>). <see cref="object.ToString"/> redacts the secret.
/// </summary>
internal sealed record KeyStoreInput(
    string Name, string Connectivity, string UriEndpoint, string UriPath, string AccessKeyId, string Secret, string? VpcEndpointServiceName)
{
    public const string TypeMember = "CustomKeyStoreType";
    public const string CredentialMember = "XksProxyAuthenticationCredential";

    private static readonly string[] CloudHsmMembers = ["CloudHsmClusterId", "TrustAnchorCertificate", "KeyStorePassword"];

    public static KeyStoreInput ForCreate(KmsRequest request)
    {
        string name = request.RequiredString("CustomKeyStoreName", 256);
        if ((request.Enum(TypeMember, "AWS_CLOUDHSM", KmsCustomKeyStore.Type) ?? "AWS_CLOUDHSM") != KmsCustomKeyStore.Type)
        {
            throw new KmsException(KmsErrors.UnsupportedOperation("The emulator supports only custom key stores of type EXTERNAL_KEY_STORE."));
        }

        if (CloudHsmMembers.FirstOrDefault(m => request.String(m, 8192) is not null) is { } cloudHsm)
        {
            throw new KmsException(KmsErrors.Validation($"{cloudHsm} is not valid for a custom key store of type EXTERNAL_KEY_STORE."));
        }

        string connectivity = Required(request.Enum("XksProxyConnectivity", XksProxyUniqueness.PublicEndpoint, XksProxyUniqueness.VpcEndpointService), "XksProxyConnectivity");
        string endpoint = Required(request.String("XksProxyUriEndpoint", 4096), "XksProxyUriEndpoint");
        string path = Required(request.String("XksProxyUriPath", 4096), "XksProxyUriPath");
        var credential = request.Structure(CredentialMember) ?? throw Missing(CredentialMember);
        string accessKeyId = Required(credential.String("AccessKeyId", 4096), CredentialMember + ".AccessKeyId");
        string secret = Required(credential.String("RawSecretAccessKey", 4096), CredentialMember + ".RawSecretAccessKey");
        if (XksProxyParameters.Check(endpoint, path, accessKeyId, secret) is { } invalid)
        {
            throw new KmsException(invalid);
        }

        return new KeyStoreInput(name, connectivity, endpoint, path, accessKeyId, secret, VpcEndpointService(request, connectivity));
    }

    /// <summary>Required exactly for VPC_ENDPOINT_SERVICE connectivity (the emulator stores it but reaches the endpoint directly).</summary>
    public static string? VpcEndpointService(KmsRequest request, string connectivity)
    {
        string? service = request.String("XksProxyVpcEndpointServiceName", 64);
        return (connectivity, service) switch
        {
            (XksProxyUniqueness.VpcEndpointService, null) => throw Missing("XksProxyVpcEndpointServiceName"),
            (XksProxyUniqueness.PublicEndpoint, not null) => throw new KmsException(KmsErrors.Validation(
                "XksProxyVpcEndpointServiceName is valid only when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.")),
            _ => service,
        };
    }

    private static string Required(string? value, string member) => value ?? throw Missing(member);

    private static KmsException Missing(string member) => new(KmsErrors.Validation(
        $"{member} is required for a custom key store of type EXTERNAL_KEY_STORE."));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", Connectivity = ").Append(Connectivity).Append(", UriEndpoint = ").Append(UriEndpoint)
            .Append(", UriPath = ").Append(UriPath).Append(", AccessKeyId = ").Append(AccessKeyId).Append(", Secret = (redacted)");
        return true;
    }
}
