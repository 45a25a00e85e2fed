using System.Net;
using Hyok.Server.Limits;
using Hyok.Server.Tests.Control;
using Hyok.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// "Too late to start", over real HTTPS: a signed Encrypt whose body arrives only after its deadline has passed is
/// refused as overload (429 ThrottlingException, audited with its kmsRequestId) instead of being started only to
/// answer DependencyTimeoutException. Only lower bounds on time: the body is held back longer than the deadline.
/// </summary>
public sealed class LateAdmissionTests(LateAdmissionTests.Fixture fixture) : IClassFixture<LateAdmissionTests.Fixture>
{
    private static readonly TimeSpan HeldBack = TimeSpan.FromMilliseconds(4 * Fixture.DeadlineMilliseconds);

    [Fact]
    public async Task Encrypt_BodyAfterTheDeadline_ThrottledNotTimedOutAndAudited()
    {
        var admission = fixture.Proxy.Services.GetRequiredService<RequestAdmission>();
        var lateBefore = admission.LateCount;
        var body = XksBodies.Encrypt([5, 5]);

        using var response = await fixture.Proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(body), HoldBackBody, default);

        await XksAssert.ErrorAsync(response, 429, "ThrottlingException");
        Assert.Equal(lateBefore + 1, admission.LateCount);
        var record = AuditLookup.Of(fixture.Proxy.AuditFolder, body);
        Assert.Equal(("ThrottlingException", 429), (record.Outcome, record.Status));
    }

    /// <summary>Sends the signed body's first byte at once and the rest after <see cref="HeldBack"/>.</summary>
    private static async Task HoldBackBody(HttpRequestMessage request)
    {
        var original = request.Content!;
        var bytes = await original.ReadAsByteArrayAsync();
        var slow = new HeldBackContent(bytes, HeldBack);
        foreach (var header in original.Headers)
        {
            slow.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Content = slow;
    }

    private sealed class HeldBackContent(byte[] bytes, TimeSpan pause) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            await Task.Delay(pause);
            await stream.WriteAsync(bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    /// <summary>A software proxy with a 100 ms deadline (the body timeout stays long: only the deadline passes).</summary>
    public sealed class Fixture() : LimitsProxyFixture(limits => limits.RequestDeadlineMilliseconds = DeadlineMilliseconds)
    {
        public const int DeadlineMilliseconds = 100;
    }
}
