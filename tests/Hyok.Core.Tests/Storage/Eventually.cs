namespace Hyok.Storage;

/// <summary>Polls a condition until it holds or a deadline passes: for changes that arrive asynchronously.</summary>
internal static class Eventually
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
}
