using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>TLS to the database: the test cluster offers TLS with a certificate for 127.0.0.1 from its own test CA.</summary>
public sealed class PostgreSqlTlsTests
{
    [Theory]
    [InlineData("VerifyFull")]
    [InlineData("VerifyCA")]
    public async Task OpenAsync_VerifiedWithRootCertificateFile_ConnectionIsEncrypted(string sslMode)
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        var options = db.Options;
        options.SslMode = sslMode;
        options.RootCertificateFile = PostgresServer.Shared.CaCertificateFile;
        await using var connector = db.Connector(options);

        Assert.True(await IsEncryptedAsync(connector));
    }

    [Fact]
    public async Task OpenAsync_Disable_ConnectionIsPlain()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        var options = db.Options;
        options.SslMode = "Disable";
        await using var connector = db.Connector(options);

        Assert.False(await IsEncryptedAsync(connector));
    }

    [Fact]
    public async Task OpenAsync_VerifyFullWithoutTheServersCa_ClearCertificateError()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        var options = db.Options;
        options.SslMode = "VerifyFull";
        await using var connector = db.Connector(options);

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => IsEncryptedAsync(connector).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(
            $"cannot connect to PostgreSQL at 127.0.0.1:{db.Database.Port}/{db.Database.Name} as {db.Database.User} (SSL mode VerifyFull): the TLS handshake failed, "
            + "the server's certificate is not trusted (check Hyok:Storage:PostgreSql:RootCertificateFile, and that the certificate names the host)",
            error.Message);
    }

    private static async Task<bool> IsEncryptedAsync(PostgreSqlConnector connector)
    {
        await using var connection = await connector.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
