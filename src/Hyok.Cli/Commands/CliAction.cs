using Hyok.Keys.Software;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary>Runs a command body: user errors print one clear line to stderr and exit 1, never a stack trace.</summary>
internal static class CliAction
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is CliException or HyokStoreException or KeyManagementException or FileNotFoundException or InvalidDataException or FormatException)
        {
            await Console.Error.WriteLineAsync($"hyok: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    public static Task<int> Run(Func<int> body) => RunAsync(() => Task.FromResult(body()));
}
