using Hyok.Cli.Commands;

namespace Hyok.Cli.Certificates;

/// <summary>Where <c>hyok cert</c> writes: default names from the first DNS name, and no overwriting without --force.</summary>
internal static class OutputFiles
{
    /// <summary><paramref name="given"/>, else <c>NAME.EXTENSION</c> in the current folder (<c>*</c> of a wildcard becomes <c>wildcard</c>).</summary>
    public static string PathOr(string? given, string firstName, string extension) =>
        Path.GetFullPath(given ?? $"{firstName.Replace("*", "wildcard", StringComparison.Ordinal)}.{extension}");

    /// <summary>
    /// Before anything is generated: fails if a file exists (unless <paramref name="force"/>, which deletes it so the new
    /// key file is created with mode 0600) or if two outputs are the same file.
    /// </summary>
    /// <exception cref="CliException">A file exists without --force, or the same path is given twice.</exception>
    public static void Prepare(bool force, params string[] paths)
    {
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Length)
        {
            throw new CliException($"the output files must differ: {string.Join(", ", paths)}.");
        }

        foreach (var path in paths.Where(File.Exists))
        {
            if (!force)
            {
                throw new CliException($"{path} exists; Hyok does not overwrite it (use --force to replace it).");
            }

            File.Delete(path);
        }
    }
}
