namespace Hyok.Server.Tests.Limits;

/// <summary>
/// Production limits except a long header timeout (20 s), so that trickling connections are surely still open while
/// the signed requests of the test run, even on a loaded machine.
/// </summary>
public sealed class SlowlorisProxyFixture() : ConnectionLimitsFixture(limits => limits.RequestHeadersTimeoutMilliseconds = 20000);
