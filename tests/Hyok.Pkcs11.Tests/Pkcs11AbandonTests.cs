using System.Diagnostics;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;
using Hyok.Testing;

namespace Hyok.Pkcs11;

/// <summary>
/// A PKCS#11 call cannot be interrupted: at the caller's deadline it is abandoned (DependencyTimeoutException at once)
/// and its session comes back to the pool exactly once, when the call has finished.
/// </summary>
public sealed class Pkcs11AbandonTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    [Fact]
    public async Task EncryptAsync_CallBlockedPastDeadline_AbandonedAndSessionReturnedOnce()
    {
        using var token = Pkcs11Token.Open(SoftHsm.Shared.Main.Options(poolSize: 1, waitMilliseconds: 200));
        var backend = new Pkcs11KeyBackend(token, fixture.Directory, TimeProvider.System);
        using var gate = new ManualResetEventSlim(false);
        token.FaultInjection = () =>
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            return null;
        };

        using (var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            var clock = Stopwatch.StartNew();
            var abandoned = await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1, 2, 3 }, new byte[] { 0, 0, 0 }, deadline.Token);
            clock.Stop();
            Assert.Equal(XksErrorCode.DependencyTimeoutException, abandoned.Error?.Code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.1), $"answered after {clock.Elapsed.TotalMilliseconds} ms");
        }

        // The abandoned call still holds the only session: another call waits for it and times out.
        using (var busy = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            var waited = await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 4 }, new byte[] { 0, 0, 0 }, busy.Token);
            Assert.Equal(XksErrorCode.DependencyTimeoutException, waited.Error?.Code);
        }

        token.FaultInjection = null;
        gate.Set();
        var next = await Eventually.SucceedsAsync(async () => await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 5 }, new byte[] { 0, 0, 0 }, default));
        Assert.True(next.IsSuccess, next.Error?.ToString());

        // Returned once, not twice: the pool of one still has exactly one slot.
        var pool = token.CurrentPool!;
        using var only = await pool.RentAsync(default);
        Assert.NotNull(only);
        Assert.Null(await pool.RentAsync(default));
    }
}
