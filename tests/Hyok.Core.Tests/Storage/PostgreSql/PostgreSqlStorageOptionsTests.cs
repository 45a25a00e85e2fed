using Npgsql;

namespace Hyok.Storage.PostgreSql;

public sealed class PostgreSqlStorageOptionsTests
{
    private static readonly Func<string, string?> WithPassword = PostgreSqlTestDatabase.PasswordEnvironment("x");

    [Fact]
    public void Validate_ConnectionStringWithoutPassword_NoProblems()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = "Host=db.example;Database=hyok;Username=hyok", SslMode = "verifyfull" };

        Assert.Empty(options.Validate(WithPassword));
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(60_000, true)]
    [InlineData(60_001, false)]
    public void Validate_HeartbeatInterval_WithinRangeOrNamed(int milliseconds, bool valid)
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = "Host=db.example;Database=hyok;Username=hyok", HeartbeatIntervalMilliseconds = milliseconds };

        var problems = options.Validate(WithPassword);

        Assert.Equal(valid ? [] : [$"HeartbeatIntervalMilliseconds {milliseconds} is not within 100..60000."], problems);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds * 3), options.LiveWindow);
    }

    [Theory]
    [InlineData("Host=db;Database=hyok;Username=hyok;Password=sentinel-pw-1")]
    [InlineData("Host=db;Database=hyok;Username=hyok;pwd=sentinel-pw-1")]
    [InlineData("host=db;database=hyok;username=hyok;PASSWORD=sentinel-pw-1")]
    public void Validate_PasswordInConnectionString_RefusedWithoutEchoingIt(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = connectionString };

        var problem = Assert.Single(options.Validate(WithPassword));

        Assert.Equal("ConnectionString must not contain a password: put it in PasswordFile or the environment variable HYOK_DB_PASSWORD.", problem);
    }

    [Fact]
    public void Validate_NothingSet_EveryProblemAtOnce()
    {
        var options = new PostgreSqlStorageOptions { SslMode = "Allow", RootCertificateFile = "/nonexistent/ca.pem" };

        var problems = options.Validate(_ => null);

        Assert.Equal(
        [
            "ConnectionString is required when Hyok:Storage:Provider is postgresql.",
            "SslMode 'Allow' is not one of Disable, Require, VerifyCA, VerifyFull.",
            "RootCertificateFile: file not found: /nonexistent/ca.pem",
            "PasswordFile is required when the environment variable HYOK_DB_PASSWORD is not set.",
        ], problems);
    }

    [Fact]
    public void Validate_TlsAndHostSettingsInConnectionString_Refused()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = "Port=5432;SSL Mode=Disable;Root Certificate=/ca.pem" };

        var problems = options.Validate(WithPassword);

        Assert.Contains("ConnectionString must not set SSL Mode: use Hyok:Storage:PostgreSql:SslMode.", problems);
        Assert.Contains("ConnectionString must not set Root Certificate: use Hyok:Storage:PostgreSql:RootCertificateFile.", problems);
        Assert.Contains("ConnectionString must set Host.", problems);
        Assert.Contains("ConnectionString must set Database.", problems);
    }

    [Fact]
    public void Validate_MalformedConnectionString_Reported()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = "Host=db;NoSuchKeyword=1" };

        var problem = Assert.Single(options.Validate(WithPassword));

        Assert.StartsWith("ConnectionString is not a valid PostgreSQL (Npgsql) connection string:", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db.example", null, SslMode.VerifyFull)]
    [InlineData("127.0.0.1,db.example", null, SslMode.VerifyFull)]
    [InlineData("10.0.0.5:5432", null, SslMode.VerifyFull)]
    [InlineData("localhost", null, SslMode.Prefer)]
    [InlineData("127.0.0.1:5432,[::1]:5433", null, SslMode.Prefer)]
    [InlineData("/var/run/postgresql", null, SslMode.Prefer)]
    [InlineData("db.example", "Require", SslMode.Require)]
    [InlineData("localhost", "VerifyCA", SslMode.VerifyCA)]
    [InlineData("db.example", "disable", SslMode.Disable)]
    public void BuildConnectionString_Host_SslModeDefaultOrAsSet(string host, string? sslMode, SslMode expected)
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = $"Host={host};Database=hyok;Username=hyok", SslMode = sslMode };

        var built = options.BuildConnectionString("pw");

        Assert.Equal(expected, built.SslMode);
        Assert.Equal(PostgreSqlStorageOptions.DefaultTimeoutSeconds, built.Timeout);
        Assert.Equal("pw", built.Password);
    }
}
