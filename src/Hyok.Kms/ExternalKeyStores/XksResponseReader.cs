using System.Text.Json;
using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// Reads proxy answers as KMS must (xks-spec.md §4, §6.1): a 200 body with every required field in range, or an error
/// body whose <c>errorName</c> is in the catalogue; anything else is <see cref="XksFailureKind.InvalidResponse"/>.
/// </summary>
internal static partial class XksResponseReader
{
    private static readonly string[] HealthStatuses = ["ACTIVE", "DEGRADED", "UNAVAILABLE"];

    /// <summary>An error answer: a catalogue error, or an invalid response when the body is not the §6.1 shape.</summary>
    public static XksProxyFailure ErrorOf(int status, byte[] body)
    {
        ErrorResponse? error = Read(body, XksJsonContext.Default.ErrorResponse);
        if (error?.ErrorName is { } name && Enum.TryParse<XksErrorCode>(name, ignoreCase: false, out var code) && XksErrors.NameOf(code) == name)
        {
            return XksProxyFailure.Proxy(status, code, Printable(error.ErrorMessage));
        }

        return XksProxyFailure.Invalid($"the proxy answered {status} without a catalogue error body", status);
    }

    public static XksParsed<HealthStatusResponse> Health(byte[] body)
    {
        var health = Read(body, XksJsonContext.Default.HealthStatusResponse);
        if (health is null || health.XksProxyFleetSize <= 0 || health.XksProxyVendor is null || health.XksProxyModel is null
            || health.EkmVendor is null || health.EkmFleetDetails is not { Count: >= 1 and <= 10 }
            || health.EkmFleetDetails.Any(d => d is null || d.Id is null || d.Model is null || !HealthStatuses.Contains(d.HealthStatus)))
        {
            return XksParsed<HealthStatusResponse>.Fail(XksProxyFailure.Invalid("the GetHealthStatus answer is not a valid health status (xks-spec.md §4.4)", 200));
        }

        return XksParsed<HealthStatusResponse>.Ok(health);
    }

    public static XksParsed<KeyMetadataResponse> KeyMetadata(byte[] body)
    {
        var metadata = Read(body, XksJsonContext.Default.KeyMetadataResponse);
        if (metadata is null || metadata.KeySpec is null || metadata.KeyStatus is null || metadata.KeyUsage is null || metadata.KeyUsage.Any(u => u is null))
        {
            return XksParsed<KeyMetadataResponse>.Fail(XksProxyFailure.Invalid("the GetKeyMetadata answer lacks keySpec, keyUsage or keyStatus (xks-spec.md §4.1)", 200));
        }

        return XksParsed<KeyMetadataResponse>.Ok(metadata);
    }

    public static XksParsed<byte[]> Decrypt(byte[] body, int ciphertextLength)
    {
        var answer = Read(body, XksJsonContext.Default.DecryptResponse);
        if (answer?.Plaintext is not { } text || !StrictBase64.TryDecode(text, out var plaintext) || plaintext.Length != ciphertextLength)
        {
            return XksParsed<byte[]>.Fail(XksProxyFailure.Invalid("the Decrypt answer has no valid plaintext of the ciphertext's length (xks-spec.md §4.3)", 200));
        }

        return XksParsed<byte[]>.Ok(plaintext);
    }

    private static T? Read<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The proxy's errorMessage made safe for one log line: printable ASCII, at most 512 characters (§6.1).</summary>
    private static string? Printable(string? message) =>
        message is null ? null : new string([.. message.Take(512).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}
