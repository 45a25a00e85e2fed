using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Configuration;

/// <summary>Validation of the deadline, admission and quota options.</summary>
public sealed class OverloadOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-overload-").FullName;

    [Fact]
    public void Defaults_DeadlineUnderKmsTimeout_QueueBoundUnderDeadline()
    {
        var options = new HyokOptions();

        Assert.InRange(options.Limits.RequestDeadlineMilliseconds, 1, 249);
        Assert.True(options.Limits.MaxQueueMilliseconds < options.Limits.RequestDeadlineMilliseconds);
    }

    [Fact]
    public void Validate_QuotaWithBurst_NoProblems()
    {
        var options = Good();
        options.KeyStores[0].RateLimitPerSecond = 1800;
        options.KeyStores[0].RateLimitBurst = 200;

        Assert.Empty(HyokOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_BadOverloadOptions_ReportsEach()
    {
        var options = Good();
        options.Limits.RequestDeadlineMilliseconds = 5;
        options.Limits.MaxConcurrentRequests = 0;
        options.Limits.TargetLatencyMilliseconds = 0;
        options.Limits.MaxQueueMilliseconds = 5;
        options.Limits.MaxQueueLength = -1;
        options.KeyStores[0].RateLimitPerSecond = 0;
        options.KeyStores[1].RateLimitBurst = 5;

        var problems = HyokOptionsValidator.Validate(options);

        string[] expected = ["RequestDeadlineMilliseconds", "MaxConcurrentRequests", "TargetLatencyMilliseconds", "MaxQueueMilliseconds", "MaxQueueLength", "KeyStores:0:RateLimitPerSecond", "KeyStores:1:RateLimitBurst is set without"];
        Assert.All(expected, word => Assert.Contains(problems, p => p.Contains(word, StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_MinAboveMax_IsAProblem()
    {
        var options = Good();
        options.Limits.MaxConcurrentRequests = 4;
        options.Limits.MinConcurrentRequests = 5;

        Assert.Contains(HyokOptionsValidator.Validate(options), p => p.Contains("MinConcurrentRequests", StringComparison.Ordinal));
    }

    private HyokOptions Good()
    {
        var options = TestConfiguration.Create(_folder);
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, TimeProvider.System, "localhost");
        return options;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
