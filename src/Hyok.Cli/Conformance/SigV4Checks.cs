using Hyok.Authentication;

namespace Hyok.Cli.Conformance;

/// <summary>
/// Signatures that must fail (xks-spec.md §7.1, §12 item 22): a clock more than 5 minutes off either way, a credential
/// scope for another service, and a body changed after signing. Everything else about each request is valid.
/// </summary>
internal static class SigV4Checks
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(6);

    public static IEnumerable<ConformanceCheck> All()
    {
        yield return Refused("22a", "health: X-Amz-Date 6 minutes in the past", -Skew);
        yield return Refused("22b", "health: X-Amz-Date 6 minutes in the future", Skew);
        yield return Refused("22c", "health: credential scope for service kms instead of kms-xks-proxy", TimeSpan.Zero, "kms");
        yield return new("22d", "encrypt: body modified after signing", async probe =>
        {
            var signed = ConformanceProbe.Bytes(ConformanceBodies.Encrypt(ConformanceProbe.Random(16), null));
            var answer = await probe.SendAsync(probe.Client(), $"keys/{probe.Target.KeyId}/encrypt", signed, request =>
            {
                var modified = ConformanceProbe.Bytes(ConformanceBodies.Encrypt(ConformanceProbe.Random(16), null));
                var headers = request.Content!.Headers;
                request.Content = new ByteArrayContent(modified);
                request.Content.Headers.ContentType = headers.ContentType;
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            return Expect.Error(answer, 401, "AuthenticationFailedException");
        });
    }

    /// <summary>A health request signed with a clock off by <paramref name="shift"/> or for <paramref name="service"/>: 401 expected.</summary>
    private static ConformanceCheck Refused(string id, string name, TimeSpan shift, string service = SigV4Scope.XksService) =>
        new(id, name, async probe =>
        {
            var body = ConformanceProbe.Bytes(ConformanceBodies.Health());
            var answer = await probe.SendAsync(probe.Client(), "health", body, probe.Resign("POST", body, shift, service)).ConfigureAwait(false);
            return Expect.Error(answer, 401, "AuthenticationFailedException");
        });
}
