namespace Hyok.Server.Tests.Limits;

/// <summary>At most <see cref="MaxConnections"/> open connections.</summary>
public sealed class MaxConnectionsProxyFixture() : ConnectionLimitsFixture(limits => limits.MaxConcurrentConnections = MaxConnections)
{
    public const int MaxConnections = 4;
}
