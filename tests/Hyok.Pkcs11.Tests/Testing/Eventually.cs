using Hyok.Protocol;

namespace Hyok.Pkcs11.Testing;

/// <summary>
/// Re-initialisation runs in the background (a request waits for it at most the session-wait deadline), so
/// "recovers by itself" means: a later call succeeds without anyone restarting anything. Polls for up to 10 s.
/// </summary>
internal static class Eventually
{
    public static async Task<XksResult<T>> SucceedsAsync<T>(Func<Task<XksResult<T>>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var result = await call();
            if (result.IsSuccess || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(10);
        }
    }
}
