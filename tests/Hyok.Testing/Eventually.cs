using Hyok.Protocol;

namespace Hyok.Testing;

/// <summary>
/// Polls a condition until it holds or a deadline passes: for changes that arrive asynchronously (a CLI change
/// reaching a running server, a watcher's reload). The caller asserts on the answer with its own message.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    public static async Task<bool> WithinAsync(TimeSpan deadline, Func<ValueTask<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.Elapsed > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }
    }

    public static Task<bool> WithinAsync(TimeSpan deadline, Func<bool> condition) =>
        WithinAsync(deadline, () => ValueTask.FromResult(condition()));

    /// <summary>
    /// Repeats <paramref name="call"/> until it succeeds, for at most 10 s, and returns its last result: "recovers by
    /// itself" means a later call succeeds without anyone restarting anything.
    /// </summary>
    public static async Task<XksResult<T>> SucceedsAsync<T>(Func<Task<XksResult<T>>> call)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var result = await call();
            if (result.IsSuccess || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return result;
            }

            await Task.Delay(10);
        }
    }
}
