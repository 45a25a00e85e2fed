using System.Net;
using System.Net.Sockets;

namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlConnector"/> against a real PostgreSQL server: passwords, refusals, unreachable servers.</summary>
public sealed class PostgreSqlConnectorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StatusAsync_PasswordFromFile_Connects()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        using var folder = new TempDirectory();
        string file = folder.File("db-password");
        await File.WriteAllTextAsync(file, db.Database.Password + "\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var options = db.Options;
        options.PasswordFile = file;
        await using var connector = PostgreSqlConnector.Create(options, _ => null);

        var status = await db.Migrator(connector).StatusAsync();

        Assert.Equal(PostgreSqlMigrator.Known.Count, status.Pending.Count);
    }

    [Fact]
    public async Task StatusAsync_PasswordFromEnvironmentOverFile_Connects()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        var options = db.Options;
        options.PasswordFile = "/nonexistent/hyok-db-password";
        await using var connector = PostgreSqlConnector.Create(options, PostgreSqlTestDatabase.PasswordEnvironment(db.Database.Password));

        var status = await db.Migrator(connector).StatusAsync();

        Assert.Empty(status.Problems);
    }

    [Fact]
    public void Create_PasswordFileReadableByOthers_RefusedWithChmodHint()
    {
        using var folder = new TempDirectory();
        string file = folder.File("db-password");
        File.WriteAllText(file, "sentinel-db-password-1\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var options = new PostgreSqlStorageOptions { ConnectionString = "Host=127.0.0.1;Database=hyok;Username=hyok", PasswordFile = file };

        var error = Assert.Throws<HyokStoreException>(() => PostgreSqlConnector.Create(options, _ => null));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sentinel-db-password-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_WrongPassword_ClearErrorWithoutThePassword()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        const string wrong = "sentinel-wrong-password-7f3a";
        await using var connector = PostgreSqlConnector.Create(db.Options, PostgreSqlTestDatabase.PasswordEnvironment(wrong));

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => db.Migrator(connector).MigrateAsync().WaitAsync(Bound));

        Assert.StartsWith($"cannot connect to PostgreSQL at 127.0.0.1:{db.Database.Port}/{db.Database.Name} as {db.Database.User}", error.Message, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(db.Database.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_NothingListening_ClearErrorNoHang()
    {
        int port = ClosedPort();
        var options = new PostgreSqlStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Database=hyok;Username=hyok" };
        await using var connector = PostgreSqlConnector.Create(options, PostgreSqlTestDatabase.PasswordEnvironment("unused"));

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => new PostgreSqlMigrator(connector, TimeProvider.System).MigrateAsync().WaitAsync(Bound));

        Assert.StartsWith($"cannot connect to PostgreSQL at 127.0.0.1:{port}/hyok as hyok", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("refused", StringComparison.OrdinalIgnoreCase), error.Message);
    }

    [Fact]
    public async Task MigrateAsync_ServerThatNeverAnswers_TimesOutWithClearError()
    {
        // Accepts TCP connections (the kernel's backlog) but never speaks PostgreSQL: the connect timeout must end the wait.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = new PostgreSqlStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Database=hyok;Username=hyok;Timeout=2" };
        await using var connector = PostgreSqlConnector.Create(options, PostgreSqlTestDatabase.PasswordEnvironment("unused"));

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => new PostgreSqlMigrator(connector, TimeProvider.System).StatusAsync().WaitAsync(Bound));

        Assert.StartsWith($"cannot connect to PostgreSQL at 127.0.0.1:{port}/hyok as hyok", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("no answer within 2 s (the connection string's Timeout)", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
