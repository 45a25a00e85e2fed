using Microsoft.Extensions.Time.Testing;
using Hyok.Testing;
using System.Diagnostics;
using System.Security.Cryptography;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

public sealed class Pkcs11ConcurrencyTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    [Fact]
    public async Task ManyThreads_SmallPool_EveryAnswerCorrectNoDeadlock()
    {
        // Correctness under contention (no wrong answer, no error but the spec's, no deadlock), not latency: a worker that
        // waits longer than the longest allowed session wait (200 ms) on a starved CI machine gets DependencyTimeoutException,
        // which is the right answer then; anything else is a failure, and most operations must get through.
        using var token = Pkcs11Token.Open(SoftHsm.Shared.Main.Options(poolSize: 2, waitMilliseconds: 200));
        var backend = new Pkcs11KeyBackend(token, fixture.Directory, TimeProvider.System);
        int failures = 0, timeouts = 0, roundTrips = 0;

        var workers = Enumerable.Range(0, 32).Select(worker => Task.Run(async () =>
        {
            byte[] aad = [(byte)worker, 0, 0];
            for (int i = 0; i < 200; i++)
            {
                byte[] plaintext = RandomNumberGenerator.GetBytes(1 + (i % 64));
                var sealedData = await backend.EncryptAsync(MainTokenFixture.Both, 1, plaintext, aad, default);
                var opened = sealedData.IsSuccess ? await backend.DecryptAsync(MainTokenFixture.Both, 1, sealedData.Value, aad, default) : default;
                var error = !sealedData.IsSuccess ? sealedData.Error : opened.IsSuccess ? null : opened.Error;
                if (error?.Code == XksErrorCode.DependencyTimeoutException)
                {
                    Interlocked.Increment(ref timeouts);
                }
                else if (error is not null || !plaintext.AsSpan().SequenceEqual(opened.Value))
                {
                    Interlocked.Increment(ref failures);
                }
                else
                {
                    Interlocked.Increment(ref roundTrips);
                }
            }
        }));

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, failures);
        Assert.True(roundTrips >= 32 * 200 * 9 / 10, $"{roundTrips} round trips, {timeouts} session-wait timeouts");
        Assert.True(token.IsAvailable);
    }

    [Fact]
    public async Task PoolExhausted_DependencyTimeoutWithinDeadline()
    {
        // The session-wait deadline runs on an injected clock: the answer must come exactly when it passes.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var token = Pkcs11Token.Open(SoftHsm.Shared.Main.Options(poolSize: 2, waitMilliseconds: 100), time);
        var backend = new Pkcs11KeyBackend(token, fixture.Directory, time);
        var pool = token.CurrentPool!;
        var held = new[] { await pool.RentAsync(default), await pool.RentAsync(default) };

        var pending = backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1, 2, 3 }, new byte[] { 0, 0, 0 }, default).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(99));
        await Task.Delay(50);
        Assert.False(pending.IsCompleted, "answered before the session-wait deadline");
        time.Advance(TimeSpan.FromMilliseconds(2));
        var encrypted = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(XksErrorCode.DependencyTimeoutException, encrypted.Error?.Code);
        foreach (var lease in held)
        {
            lease!.Dispose();
        }

        Assert.True((await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1, 2, 3 }, new byte[] { 0, 0, 0 }, default)).IsSuccess);
    }

    [Fact]
    public async Task SessionError_SessionReplaced_NextCallSucceeds()
    {
        using var token = Pkcs11Token.Open(SoftHsm.Shared.Main.Options(poolSize: 1));
        var backend = new Pkcs11KeyBackend(token, fixture.Directory, TimeProvider.System);
        int faults = 1;
        token.FaultInjection = () => Interlocked.Decrement(ref faults) >= 0 ? CKR.CKR_FUNCTION_FAILED : null;

        var failed = await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, new byte[] { 0, 0, 0 }, default);
        var next = await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, new byte[] { 0, 0, 0 }, default);

        Assert.Equal(XksErrorCode.InternalException, failed.Error?.Code);
        Assert.True(next.IsSuccess, next.Error?.ToString());
        Assert.True(token.IsAvailable);
    }
}
