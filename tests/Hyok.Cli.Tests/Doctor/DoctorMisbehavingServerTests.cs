using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>
/// <c>hyok doctor</c> against servers that are wrong in one way each (canned Kestrel answers, a silent listener, an
/// <c>openssl s_server</c> that still speaks TLS 1.0): the named check fails with the KMS error, and nothing hangs.
/// </summary>
public sealed class DoctorMisbehavingServerTests
{
    [Fact]
    public async Task Doctor_CertificateForAnotherName_FailsCertificateNameAndHealth()
    {
        using var setup = new DoctorSetup();
        await using var server = await CannedXksServer.StartAsync(setup.Ca.IssueValid("other.example.com"));

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("certificate-name", "XKS_PROXY_INVALID_TLS_CONFIGURATION");
        report.AssertFailed("health", "XKS_PROXY_INVALID_TLS_CONFIGURATION");
        Assert.Equal("warn", report.Outcome("certificate-chain"));
    }

    [Fact]
    public async Task Doctor_ExpiredCertificate_FailsCertificateValidity()
    {
        using var setup = new DoctorSetup();
        var expired = setup.Ca.Issue(DoctorSetup.Name, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-1));
        await using var server = await CannedXksServer.StartAsync(expired);

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("certificate-validity", "XKS_PROXY_INVALID_TLS_CONFIGURATION");
        Assert.StartsWith("expired ", Detail(report, "certificate-validity"), StringComparison.Ordinal);
        Assert.Equal("pass", report.Outcome("certificate-name"));
    }

    [Fact]
    public async Task Doctor_ServerWithoutItsIntermediate_FailsCertificateChain()
    {
        using var setup = new DoctorSetup();
        await using var server = await CannedXksServer.StartAsync(setup.Ca.IssueWithoutIntermediate(DoctorSetup.Name));

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("certificate-chain", "XKS_PROXY_INVALID_TLS_CONFIGURATION");
        report.AssertFailed("health", "XKS_PROXY_INVALID_TLS_CONFIGURATION");
        Assert.Equal("pass", report.Outcome("certificate-name"));
    }

    [Fact]
    public async Task Doctor_CertificateExpiringSoon_Warns()
    {
        using var setup = new DoctorSetup();
        await using var server = await CannedXksServer.StartAsync(setup.Ca.Issue(DoctorSetup.Name, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(10)));

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        Assert.True(report.Outcome("certificate-validity") == "warn", report.Result.ToString());
        Assert.Equal("pass", report.Outcome("health"));
    }

    [Fact]
    public async Task Doctor_GarbageHealthBody_FailsHealthWithInvalidResponse()
    {
        using var setup = new DoctorSetup();
        await using var server = await CannedXksServer.StartAsync(setup.Ca.IssueValid(DoctorSetup.Name), body: "<html>hello</html>");

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("health", "XKS_PROXY_INVALID_RESPONSE");
    }

    [Fact]
    public async Task Doctor_HealthWithEveryKeyManagerUnavailable_FailsHealthNotReachable()
    {
        using var setup = new DoctorSetup();
        var body = CannedXksServer.ValidHealth.Replace("ACTIVE", "UNAVAILABLE", StringComparison.Ordinal);
        await using var server = await CannedXksServer.StartAsync(setup.Ca.IssueValid(DoctorSetup.Name), body: body);

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("health", "XKS_PROXY_NOT_REACHABLE");
    }

    [Fact]
    public async Task Doctor_ProxyClockTenMinutesBehind_FailsClockSkew()
    {
        using var setup = new DoctorSetup();
        await using var server = await CannedXksServer.StartAsync(setup.Ca.IssueValid(DoctorSetup.Name), clockShift: TimeSpan.FromMinutes(-10));

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("clock-skew", "INVALID_CREDENTIALS");
        Assert.Contains("behind", Detail(report, "clock-skew"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SlowEndpoint_FailsLatencyWithTimedOut()
    {
        using var setup = new DoctorSetup();
        await using var server = await CannedXksServer.StartAsync(setup.Ca.IssueValid(DoctorSetup.Name), delay: TimeSpan.FromMilliseconds(400));

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port));

        report.AssertFailed("latency", "XKS_PROXY_TIMED_OUT");
        Assert.Equal("pass", report.Outcome("health"));
    }

    [Fact]
    public async Task Doctor_ListenerThatNeverAnswers_FailsHandshakeAndSkipsTheRestWithoutHanging()
    {
        using var setup = new DoctorSetup();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var clock = Stopwatch.StartNew();

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(port, "--timeout", "1"));

        report.AssertFailed("tls-handshake", "XKS_PROXY_TIMED_OUT");
        Assert.Equal("pass", report.Outcome("tcp-connect"));
        Assert.All(report.Checks.SkipWhile(c => c["check"]!.GetValue<string>() != "certificate-chain"), c => Assert.Equal("skip", c["outcome"]!.GetValue<string>()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Doctor_NothingListening_FailsTcpConnectNotReachable()
    {
        using var setup = new DoctorSetup();
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(port));

        report.AssertFailed("tcp-connect", "XKS_PROXY_NOT_REACHABLE");
        Assert.Equal("skip", report.Outcome("health"));
    }

    [Fact]
    public async Task Doctor_OpensslServerAcceptingTls10_FailsLegacyVersionsAndWarnsOfOtherSuites()
    {
        using var setup = new DoctorSetup();
        var (certificate, key) = setup.Ca.IssueValid(DoctorSetup.Name);
        await using var server = await LegacyTlsServer.StartAsync(certificate, key);

        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(server.Port, "--timeout", "2"));

        report.AssertFailed("tls10-refused");
        report.AssertFailed("tls11-refused");
        Assert.Equal("warn", report.Outcome("tls12-other-suites"));
        Assert.Equal("pass", report.Outcome("tls12"));
    }

    private static string Detail(DoctorReport report, string check) =>
        report.Checks.Single(c => c["check"]!.GetValue<string>() == check)["detail"]!.GetValue<string>();
}
