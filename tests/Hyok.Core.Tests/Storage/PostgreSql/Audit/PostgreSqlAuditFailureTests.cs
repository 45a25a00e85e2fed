using System.Net;
using System.Net.Sockets;
using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlAuditWriter"/> failing closed: database unreachable, sessions killed, a second writer.</summary>
public sealed class PostgreSqlAuditFailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OpenAsync_NothingListening_ThrowsAuditUnavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new PostgreSqlStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Database=hyok;Username=hyok" };
        await using var connector = PostgreSqlConnector.Create(options, PostgreSqlTestDatabase.PasswordEnvironment("sentinel-pw-4b1e"));

        var error = await Assert.ThrowsAsync<AuditUnavailableException>(() => PostgreSqlAuditWriter.OpenAsync(connector, "web-1").WaitAsync(Bound));

        Assert.Contains($"127.0.0.1:{port}/hyok", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sentinel-pw-4b1e", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_DatabaseUnreachable_FailsClosedThenRecoversWithSameWriter()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var writer = await db.OpenAsync();
        await PostgreSqlAuditTestDatabase.AppendAsync(writer, 1, 2);

        await db.SetReachableAsync(false);
        var first = await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(3), CancellationToken.None).AsTask().WaitAsync(Bound));
        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(4), CancellationToken.None).AsTask().WaitAsync(Bound));
        await db.SetReachableAsync(true);
        await writer.AppendAsync(AuditTestTrail.Event(5), CancellationToken.None).AsTask().WaitAsync(Bound);
        await writer.AppendAsync(AuditTestTrail.Event(6), CancellationToken.None).AsTask().WaitAsync(Bound);

        var rows = await db.RowsAsync();
        var result = Assert.Single(await db.VerifyAsync());
        Assert.DoesNotContain(db.Db.Database.Password, first.ToString(), StringComparison.Ordinal);
        Assert.Equal([1L, 2, 3, 4], rows.Select(r => r.Seq));
        Assert.Contains("\"kmsRequestId\":\"req-5\"", rows[2].Line, StringComparison.Ordinal);
        Assert.True(result.IsValid, result.Result.Problem);
    }

    [Fact]
    public async Task AppendAsync_BackendTerminated_FailsAtMostOnceThenContinuesChain()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var writer = await db.OpenAsync();
        await PostgreSqlAuditTestDatabase.AppendAsync(writer, 1, 2);

        await db.SetReachableAsync(false);
        await db.SetReachableAsync(true); // sessions killed, logins allowed again: the pooled connection is dead
        int failed = 0;
        for (int n = 3; n <= 5; n++)
        {
            try
            {
                await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None).AsTask().WaitAsync(Bound);
            }
            catch (AuditUnavailableException)
            {
                failed++;
            }
        }

        var result = Assert.Single(await db.VerifyAsync());
        Assert.InRange(failed, 0, 1);
        Assert.Equal(5 - failed, result.Result.Count);
        Assert.True(result.IsValid, result.Result.Problem);
    }

    [Fact]
    public async Task AppendAsync_SecondWriterOnSameInstance_FailsClosedAndChainStaysIntact()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var first = await db.OpenAsync();
        await PostgreSqlAuditTestDatabase.AppendAsync(first, 1, 1);
        await using var second = await db.OpenAsync();
        await PostgreSqlAuditTestDatabase.AppendAsync(second, 2, 1);

        await Assert.ThrowsAsync<AuditUnavailableException>(() => first.AppendAsync(AuditTestTrail.Event(3), CancellationToken.None).AsTask().WaitAsync(Bound));
        await Assert.ThrowsAsync<AuditUnavailableException>(() => first.AppendAsync(AuditTestTrail.Event(4), CancellationToken.None).AsTask().WaitAsync(Bound));

        var rows = await db.RowsAsync();
        var result = Assert.Single(await db.VerifyAsync());
        Assert.Equal([1L, 2], rows.Select(r => r.Seq));
        Assert.True(result.IsValid, result.Result.Problem);
    }

    [Fact]
    public async Task AppendAsync_RecordsRemovedWhileFailing_StaysUnavailableInsteadOfForkingTheChain()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var writer = await db.OpenAsync();
        await PostgreSqlAuditTestDatabase.AppendAsync(writer, 1, 3);
        await db.SetReachableAsync(false);
        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(4), CancellationToken.None).AsTask().WaitAsync(Bound));
        await db.SetReachableAsync(true);
        await db.Db.Database.ExecuteAsync("DELETE FROM audit_records WHERE seq = 3");

        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(5), CancellationToken.None).AsTask().WaitAsync(Bound));

        Assert.Equal([1L, 2], (await db.RowsAsync()).Select(r => r.Seq));
    }
}
