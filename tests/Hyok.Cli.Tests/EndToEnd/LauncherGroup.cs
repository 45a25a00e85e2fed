namespace Hyok.Cli.Tests.EndToEnd;

/// <summary>Tests that run the <c>./hyok</c> launcher, which may build into <c>.hyok/bin</c>: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LauncherGroup
{
    public const string Name = "launcher";
}
