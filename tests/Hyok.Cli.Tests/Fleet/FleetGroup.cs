namespace Hyok.Cli.Tests.Fleet;

/// <summary>Tests that start a fleet (three <c>hyok serve</c> processes and an HAProxy): one fleet at a time on this machine.</summary>
[CollectionDefinition(Name)]
public sealed class FleetGroup
{
    public const string Name = "fleet";
}
