using Hyok.Server.Limits;
using Hyok.Server.Tests.Control;
using Hyok.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// Shedding on the thread pool's dispatch delay, over real HTTPS: while the probes say work waits longer than
/// <c>MaxDispatchDelayMilliseconds</c>, key operations are answered 429 ThrottlingException on arrival (audited) and
/// GetHealthStatus is not; once they say otherwise, requests pass again. The probe's own thread runs only once a
/// second here, and the test feeds it the probe results a starved process would produce.
/// </summary>
public sealed class DispatchShedTests(DispatchShedTests.Fixture fixture) : IClassFixture<DispatchShedTests.Fixture>
{
    private ProxyFixture Proxy => fixture.Proxy;

    private RequestAdmission Admission => Proxy.Services.GetRequiredService<RequestAdmission>();

    [Fact]
    public async Task Encrypt_DispatchDelayOverTheBound_ThrottledOnArrivalAndAudited_HealthStillAnswers()
    {
        var shedBefore = Admission.DispatchShedCount;
        (int Status, string Text, string KeyId) answer = (0, "", "");
        // The probe thread may slip a fresh (short) probe in between; a few tries make the test independent of that.
        for (int attempt = 0; attempt < 5 && answer.Status != 429; attempt++)
        {
            Starve();
            var keyId = $"shed-{Guid.NewGuid():N}"; // shed before the key is looked up: no such key is needed
            var (status, text) = await SendAsync(keyId, XksBodies.Encrypt([7, 7]));
            answer = (status, text, keyId);
        }

        Assert.True(answer.Status == 429 && answer.Text.Contains("ThrottlingException", StringComparison.Ordinal)
            && answer.Text.Contains("overloaded", StringComparison.Ordinal), $"expected 429 ThrottlingException, got {answer.Status}: {answer.Text}");
        Assert.True(Admission.DispatchShedCount > shedBefore);
        var record = AuditLookup.OfKeyId(Proxy.AuditFolder, answer.KeyId);
        Assert.Equal(("ThrottlingException", 429, "Encrypt"), (record.Outcome, record.Status, record.XksOperation));

        Starve();
        using var health = await Proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default);
        await XksAssert.OkAsync(health);
    }

    [Fact]
    public async Task Encrypt_DispatchDelayBackUnderTheBound_Answered()
    {
        Starve();
        Feed(waitedMilliseconds: 1);
        Feed(waitedMilliseconds: 1);

        var encrypted = await Proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt([8]));

        Assert.NotNull(encrypted["ciphertext"]);
    }

    /// <summary>Two probes in a row that waited a second: what a process short of CPU reports.</summary>
    private void Starve()
    {
        Feed(waitedMilliseconds: 1000);
        Feed(waitedMilliseconds: 1000);
    }

    private void Feed(int waitedMilliseconds)
    {
        var now = TimeProvider.System.GetTimestamp();
        Admission.Dispatch!.Queued(now - (waitedMilliseconds * TimeProvider.System.TimestampFrequency / 1000));
        Admission.Dispatch.Ran(now);
    }

    private async Task<(int Status, string Text)> SendAsync(string keyId, System.Text.Json.Nodes.JsonObject body)
    {
        using var response = await Proxy.AlphaClient.SendAsync($"keys/{keyId}/encrypt", XksBodies.Bytes(body), default);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A software proxy whose dispatch probe runs once a second and sheds above 50 ms.</summary>
    public sealed class Fixture() : LimitsProxyFixture(limits =>
    {
        limits.MaxDispatchDelayMilliseconds = 50;
        limits.DispatchProbeIntervalMilliseconds = 1000;
    });
}
