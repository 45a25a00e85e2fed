using Hyok.Authorization;
using Hyok.Pkcs11;
using Hyok.Server.Tls;
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
        catch (Exception e) when (IsUserError(e))
        {
            await Console.Error.WriteLineAsync($"hyok: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    public static Task<int> Run(Func<int> body) => RunAsync(() => Task.FromResult(body()));

    /// <summary>
    /// Failures whose message is written for the operator: store and master key problems, configuration,
    /// certificate and policy files, and I/O such as a listen address already in use. Anything else is a bug and keeps its stack trace.
    /// </summary>
    private static bool IsUserError(Exception e) =>
        e is CliException or HyokStoreException or ServerCertificateException or Pkcs11StartupException or PolicyLoadException
            or IOException or UnauthorizedAccessException or InvalidDataException or FormatException;
}
