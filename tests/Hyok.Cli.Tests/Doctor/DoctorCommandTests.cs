using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>
/// <c>hyok doctor</c> as a user runs it, as a separate process, against Hyok on real HTTPS on 127.0.0.1 serving a certificate
/// for xks.example.com from a private CA, reached with <c>--connect</c>: a good configuration passes (warnings only), each
/// misconfigured parameter fails its named check with the KMS error it would cause.
/// </summary>
public sealed class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_GoodEndpoint_PassesWithWarningsOnlyAndExitsZero()
    {
        using var setup = new DoctorSetup();
        await using var proxy = await StartHyokAsync(setup);

        var text = await setup.Cli.RunAsync(["doctor", .. setup.Arguments(proxy.Port, "--key-id", "demo-key")]);
        var report = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--key-id", "demo-key"));

        // No timing assertion on a happy path: the latency row (median against 250 ms) may fail on a loaded machine.
        var latencyFailed = report.Outcome("latency") == "fail";
        Assert.True(text.ExitCode == (latencyFailed ? 1 : 0) && text.Stderr.Length == 0, text.ToString());
        Assert.Equal(latencyFailed ? 1 : 0, report.Result.ExitCode);
        Assert.Equal(21, report.Checks.Count());
        Assert.All(report.Checks.Where(c => c["check"]!.GetValue<string>() != "latency"),
            c => Assert.True(c["outcome"]!.GetValue<string>() is "pass" or "warn", report.Result.ToString()));
        Assert.Equal("warn", report.Outcome("certificate-chain"));
        Assert.Equal("XKS_PROXY_INVALID_TLS_CONFIGURATION", report.KmsError("certificate-chain"));
        foreach (var check in (string[])["endpoint-dns-name", "endpoint-port", "uri-path", "credentials", "certificate-name", "certificate-validity", "certificate-key",
            "tls13", "tls12", "tls10-refused", "tls11-refused", "tls12-other-suites", "clock-skew", "key-metadata"])
        {
            Assert.True(report.Outcome(check) == "pass", $"{check}:\n{report.Result}");
        }

        Assert.Equal(!latencyFailed, report.Json["summary"]!["ready"]!.GetValue<bool>());
        Assert.Matches(@"(?m)^PASS  certificate-name\s+xks\.example\.com matches xks\.example\.com$", text.Stdout);
        Assert.Matches(@"(?m)^WARN  certificate-chain .*private CA\n      fix: .*\n      KMS: XKS_PROXY_INVALID_TLS_CONFIGURATION$", text.Stdout);
        Assert.Contains(latencyFailed ? "1 failed, 0 skipped - fix the failures" : "0 failed, 0 skipped - ready for", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Data.DefaultCredential.Secret, text.Stdout + report.Result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_MisconfiguredParameters_FailTheNamedChecks()
    {
        using var setup = new DoctorSetup();
        await using var proxy = await StartHyokAsync(setup);

        var ipLiteral = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--endpoint", "https://127.0.0.1"));
        ipLiteral.AssertFailed("endpoint-dns-name", "XKS_PROXY_INVALID_TLS_CONFIGURATION");
        ipLiteral.AssertFailed("certificate-name", "XKS_PROXY_INVALID_TLS_CONFIGURATION");

        var wrongPort = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--endpoint", $"https://{DoctorSetup.Name}:8443"));
        wrongPort.AssertFailed("endpoint-port", "ValidationException");
        Assert.Equal("pass", wrongPort.Outcome("health"));

        var badPrefix = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--prefix", "/key.stores/default"));
        badPrefix.AssertFailed("uri-path", "ValidationException");
        badPrefix.AssertFailed("health", "XKS_PROXY_INVALID_CONFIGURATION");

        var unknownPrefix = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--prefix", "/keystores/other"));
        Assert.Equal("pass", unknownPrefix.Outcome("uri-path"));
        unknownPrefix.AssertFailed("health", "XKS_PROXY_INVALID_CONFIGURATION");

        var wrongCredential = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--access-key-id", "ABCDEFGHIJKLMNOPQRST234567"));
        wrongCredential.AssertFailed("health", "INVALID_CREDENTIALS");
        Assert.Equal("pass", wrongCredential.Outcome("credentials"));

        var malformedCredential = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--access-key-id", "akid-lowercase"));
        malformedCredential.AssertFailed("credentials", "ValidationException");

        var unknownKey = await DoctorReport.RunAsync(setup.Cli, setup.Arguments(proxy.Port, "--key-id", "no-such-key"));
        unknownKey.AssertFailed("key-metadata", "XksKeyNotFoundException");
    }

    [Theory]
    [InlineData("is not HOST:PORT", "--connect", "127.0.0.1")]
    [InlineData("--timeout must be", "--timeout", "0")]
    [InlineData("No secret file", "--secret-file", "/nonexistent/doctor.secret")]
    public async Task Doctor_UnusableOption_ExitsTwoWithOneLine(string expected, string option, string value)
    {
        using var setup = new DoctorSetup();

        var result = await setup.Cli.RunAsync(["doctor", .. setup.Arguments(1, option, value)]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        CliAssert.NoStackTrace(result);
    }

    private static Task<RunningProxy> StartHyokAsync(DoctorSetup setup)
    {
        var (certificate, key) = setup.Ca.IssueValid(DoctorSetup.Name);
        return RunningProxy.StartAsync(setup.Data, options =>
        {
            options.Server.CertificateFile = certificate;
            options.Server.CertificateKeyFile = key;
        });
    }
}
