using System.Diagnostics;
using System.Net;
using Hyok.Server.Tests.Control;
using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// The deadline and load shedding over real HTTPS with a deliberately slow backend. Times are upper bounds with a
/// generous margin (never lower bounds, never the happy path): the point is that nothing hangs past the deadline.
/// </summary>
public sealed class OverloadTests(OverloadProxyFixture fixture) : IClassFixture<OverloadProxyFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(OverloadProxyFixture.DeadlineMilliseconds);

    private ProxyFixture Proxy => fixture.Proxy;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Every test leaves the backend open and its abandoned calls finished, so slots are free for the next.</summary>
    public async Task DisposeAsync() =>
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => fixture.Limiter.InFlight == 0), "admission slots were not freed");

    [Fact]
    public async Task Encrypt_BackendBlockedPastDeadline_DependencyTimeoutWithinMargin()
    {
        var body = XksBodies.Encrypt([1, 2, 3]);
        using (fixture.Backend.Block())
        {
            var clock = Stopwatch.StartNew();
            using var response = await Proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(body), default);
            clock.Stop();

            await XksAssert.ErrorAsync(response, 503, "DependencyTimeoutException");
            Assert.True(clock.Elapsed < Deadline + Margin, $"answered after {clock.Elapsed.TotalMilliseconds} ms");
        }

        var record = AuditLookup.Of(Proxy.AuditFolder, body);
        Assert.Equal(("DependencyTimeoutException", 503), (record.Outcome, record.Status));
    }

    [Fact]
    public async Task Encrypt_ConcurrencyLimitSaturated_ExtraRequestsThrottledQuicklyThenRecover()
    {
        var blocked = fixture.Backend.Block();
        try
        {
            await SaturateAndShedAsync();
        }
        finally
        {
            blocked.Dispose();
        }

        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => fixture.Limiter.InFlight == 0), "abandoned calls kept their slots");
        var encrypted = await Proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt([3, 4]));
        Assert.NotNull(encrypted["ciphertext"]);
    }

    /// <summary>Fills the concurrency limit with blocked calls, then checks that more requests are shed and health still answers.</summary>
    private async Task SaturateAndShedAsync()
    {
        var entered = fixture.Backend.Entered;
        var holders = Enumerable.Range(0, OverloadProxyFixture.ConcurrencyLimit)
            .Select(_ => SendAsync(XksBodies.Encrypt([1])))
            .ToArray();
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => fixture.Backend.Entered >= entered + OverloadProxyFixture.ConcurrencyLimit), "the blocked calls did not reach the backend");

        var shedBody = XksBodies.Encrypt([2]);
        for (var i = 0; i < 3; i++)
        {
            var body = i == 0 ? shedBody : XksBodies.Encrypt([2]);
            var clock = Stopwatch.StartNew();
            var (status, text) = await SendAsync(body);
            clock.Stop();
            Assert.True(status == 429 && text.Contains("ThrottlingException", StringComparison.Ordinal), $"request {i}: expected 429 ThrottlingException, got {status} after {clock.Elapsed.TotalMilliseconds} ms: {text}");
            Assert.True(clock.Elapsed < Deadline + Margin, $"shed after {clock.Elapsed.TotalMilliseconds} ms");
        }

        // KMS judges the proxy by GetHealthStatus: it is not shed while the backend is merely busy.
        using (var health = await Proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default))
        {
            await XksAssert.OkAsync(health);
        }

        foreach (var (status, text) in await Task.WhenAll(holders))
        {
            Assert.True(status == 503 && text.Contains("DependencyTimeoutException", StringComparison.Ordinal), $"expected 503, got {status}: {text}");
        }

        var shed = AuditLookup.Of(Proxy.AuditFolder, shedBody);
        Assert.Equal(("ThrottlingException", 429), (shed.Outcome, shed.Status));
        Assert.Equal(OverloadProxyFixture.ConcurrencyLimit, fixture.Limiter.InFlight);
    }

    private async Task<(int Status, string Text)> SendAsync(System.Text.Json.Nodes.JsonObject body)
    {
        using var response = await Proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(body), default);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
