namespace Hyok.Cli.Tests.Support;

/// <summary>The clone the tests run from: the first folder above the test binaries that holds <c>Hyok.slnx</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Hyok.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Hyok.slnx above {AppContext.BaseDirectory}");
    }
}
