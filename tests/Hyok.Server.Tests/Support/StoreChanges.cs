using Hyok.Testing;

namespace Hyok.Server.Tests.Support;

/// <summary>Waits for a change in the store to reach the running server: the promise is "within one second".</summary>
public static class StoreChanges
{
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);

    /// <summary>Polls until <paramref name="condition"/> holds; fails if it takes longer than the promise plus slack for a loaded CI machine.</summary>
    public static Task<TimeSpan> WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    public static async Task<TimeSpan> WaitAsync(Func<Task<bool>> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(await Eventually.WithinAsync(Promise * 5, async () => await condition()), $"the change did not reach the server within {Promise * 5}");
        return started.Elapsed;
    }
}
