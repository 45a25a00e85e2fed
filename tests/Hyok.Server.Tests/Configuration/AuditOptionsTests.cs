using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Configuration;

public sealed class AuditOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-audit-options-").FullName;

    [Fact]
    public void Load_NoAuditSection_DefaultsToDurableAuditBesideTheConfiguration()
    {
        var options = HyokConfiguration.Load(Write("""{ "Hyok": { } }"""));

        Assert.True(options.Audit.Enabled);
        Assert.True(options.Audit.Durable);
        Assert.Equal(Path.Combine(_folder, "audit"), options.Audit.Directory);
        Assert.Equal(64L * 1024 * 1024, options.Audit.MaxFileBytes);
        Assert.Equal(TimeSpan.FromHours(24), options.Audit.MaxFileAge);
    }

    [Fact]
    public void Load_AuditSection_IsBoundAndMappedToTrailOptions()
    {
        var options = HyokConfiguration.Load(Write("""
            { "Hyok": { "Audit": { "Directory": "logs/audit", "MaxFileBytes": 1048576, "MaxFileAge": "02:00:00", "Durable": false } } }
            """));

        var trail = options.Audit.ToTrailOptions();

        Assert.Equal(Path.Combine(_folder, "logs", "audit"), trail.Directory);
        Assert.Equal(1048576, trail.MaxFileBytes);
        Assert.Equal(TimeSpan.FromHours(2), trail.MaxFileAge);
        Assert.False(trail.Durable);
    }

    [Fact]
    public void Validate_BadAuditValues_ReportsEach()
    {
        var options = TestConfiguration.Create(_folder);
        options.Audit.Directory = Write("{}");
        options.Audit.MaxFileBytes = 10;
        options.Audit.MaxFileAge = TimeSpan.FromSeconds(5);

        var problems = HyokOptionsValidator.Validate(options);

        Assert.Contains(problems, p => p.StartsWith("Hyok:Audit:Directory", StringComparison.Ordinal) && p.Contains("is a file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Hyok:Audit:MaxFileBytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Hyok:Audit:MaxFileAge", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AuditDisabled_SkipsItsChecks()
    {
        var options = TestConfiguration.Create(_folder);
        options.Audit.Enabled = false;
        options.Audit.MaxFileBytes = 10;

        Assert.DoesNotContain(HyokOptionsValidator.Validate(options), p => p.Contains("Audit", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "hyok.json");
        File.WriteAllText(path, json);
        return path;
    }
}
