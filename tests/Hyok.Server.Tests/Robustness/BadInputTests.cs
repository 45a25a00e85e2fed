using System.Text;
using Hyok.Server.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Hyok.Server.Tests.Robustness;

/// <summary>
/// House rule: bad input gets a clear, spec-shaped error and loses nothing (xks-spec.md §6.1-6.3). Thousands of
/// generated malformed requests over real HTTPS, signed and unsigned; afterwards the proxy still serves.
/// </summary>
public sealed class BadInputTests(SoftwareProxyFixture proxy, ITestOutputHelper output) : IClassFixture<SoftwareProxyFixture>
{
    private const int MinimumRequests = 3200;
    private const int InFlight = 8;
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("Hello World!");
    private static readonly byte[] Aad = Encoding.ASCII.GetBytes("project=nile,department=marketing");

    [Fact]
    public async Task Requests_GeneratedMalformedInput_GetSpecShapedErrorsAndServerKeepsServing()
    {
        var seed = RobustnessSeed.Get();
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Plaintext, Aad));
        var cases = new BadRequestGenerator(new Random(seed), BodyTemplate.ForFixture(encrypted, Plaintext, Aad)).Generate(MinimumRequests);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var failures = await BadRequestRun.SendAllAsync(proxy, cases, InFlight);

        output.WriteLine($"{cases.Count} requests in {started.Elapsed.TotalSeconds:F1} s, {RobustnessSeed.Describe(seed)}");
        output.WriteLine(string.Join(", ", cases.GroupBy(c => c.Kind).Select(g => $"{g.Key}={g.Count()}")));
        Assert.True(failures.Count == 0, BadRequestRun.Report(seed, cases.Count, failures));
        await AssertStillServingAsync();
        var errors = proxy.Logs.Entries.Where(e => e.EventId == 1002 || e.Level >= LogLevel.Error).Select(e => e.Line).ToList();
        Assert.True(errors.Count == 0, $"{RobustnessSeed.Describe(seed)}: the server logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(10))}");
    }

    private async Task AssertStillServingAsync()
    {
        using (var health = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default))
        {
            await XksAssert.OkAsync(health);
        }

        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Plaintext, Aad, cdiv: true));
        var decrypted = await proxy.AlphaClient.DecryptAsync("k-both", XksBodies.Decrypt(encrypted, Aad));
        Assert.Equal(Plaintext, decrypted.Field("plaintext"));
    }
}
