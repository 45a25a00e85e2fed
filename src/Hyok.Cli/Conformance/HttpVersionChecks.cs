using System.Net;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Conformance;

/// <summary>HTTP/1.1 must work; HTTP/2 by ALPN is allowed and reported when offered (xks-spec.md §1, §12 item 23).</summary>
internal static class HttpVersionChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("23e", "health over HTTP/1.1", probe => HealthOverAsync(probe, HttpVersion.Version11, required: true));
        yield return new("23f", "health over HTTP/2 (optional)", probe => HealthOverAsync(probe, HttpVersion.Version20, required: false));
    }

    private static async Task<CheckVerdict> HealthOverAsync(ConformanceProbe probe, Version version, bool required)
    {
        using var http = XksHttp.Create(version, probe.Target.CaCertificateFile);
        var client = probe.Client(probe.Target.ApiUri.AbsolutePath, probe.Target.AccessKeyId, probe.Target.Secret, http);
        XksAnswer answer;
        try
        {
            answer = await probe.SendAsync(client, "health", ConformanceProbe.Bytes(ConformanceBodies.Health())).ConfigureAwait(false);
        }
        catch (HttpRequestException) when (!required)
        {
            return CheckVerdict.Skip("the proxy does not offer HTTP/2 (optional, xks-spec.md §1)");
        }

        return CheckVerdict.Of(answer.IsSuccess && answer.Version == version, $"200 over HTTP/{version}", $"{answer.Describe()} over HTTP/{answer.Version}");
    }
}
