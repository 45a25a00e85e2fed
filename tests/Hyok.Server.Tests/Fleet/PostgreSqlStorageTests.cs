using System.Net;
using Hyok.Server.Hosting;
using Hyok.Server.Tests.Support;
using Hyok.Storage;
using Hyok.Storage.PostgreSql;
using Hyok.Testing;

namespace Hyok.Server.Tests.Fleet;

/// <summary>
/// One instance with its state and audit trail in PostgreSQL (issue 8): every request has its record in the instance's
/// chain, and a database outage fails crypto requests closed with a spec error, then heals without a restart.
/// (The protocol suites run against <see cref="PostgreSqlProxyFixture"/> too: Xks/*Tests+PostgreSql.)
/// </summary>
public sealed class PostgreSqlStorageTests
{
    [Fact]
    public async Task Requests_MixedOutcomes_OneRecordEachInTheInstancesVerifiedChain()
    {
        await using var running = await RunningPostgreSqlProxy.StartAsync();
        var proxy = running.Proxy;
        var wrongSecret = proxy.Client(new TestCredential(ProxyFixture.Alpha, proxy.AlphaCredential.AccessKeyId, new string('x', 43)));

        for (int i = 0; i < 5; i++)
        {
            await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt([1, 2, 3]));
        }

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-disabled/encrypt", XksBodies.Encrypt([1]), 400, "InvalidStateException");
        await wrongSecret.ExpectErrorAsync("keys/k-both/encrypt", XksBodies.Encrypt([1]), 401, "AuthenticationFailedException");
        using (var malformed = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", "{not json"u8.ToArray(), default))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        var outcomes = await proxy.Database.ScalarAsync<string>(
            $"SELECT string_agg(line::jsonb->>'outcome', ',' ORDER BY seq) FROM audit_records WHERE instance_id = '{PostgreSqlProxyFixture.InstanceId}'");
        Assert.Equal("OK,OK,OK,OK,OK,InvalidStateException,AuthenticationFailedException,ValidationException", outcomes);
        var verification = Assert.Single(await VerifyAsync(proxy));
        Assert.True(verification.IsValid, verification.Result.Problem);
    }

    [Fact]
    public async Task DatabaseUnreachable_CryptoFailsClosedWithInternalException_ThenRecoversWithoutRestart()
    {
        await using var running = await RunningPostgreSqlProxy.StartAsync();
        var proxy = running.Proxy;
        await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt([1]));
        long before = await proxy.Database.ScalarAsync<long>("SELECT count(*) FROM audit_records");

        await proxy.Database.SetReachableAsync(false);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt([1])), default);
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await XksAssert.ErrorAsync(response, 500, "InternalException");
            }
        }

        await proxy.Database.SetReachableAsync(true);
        bool recovered = await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt([1])), default);
            return response.StatusCode == HttpStatusCode.OK;
        });

        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        Assert.True(recovered, "encrypt never succeeded again after the database came back");
        Assert.True(await proxy.Database.ScalarAsync<long>("SELECT count(*) FROM audit_records") > before);
        var verification = Assert.Single(await VerifyAsync(proxy));
        Assert.True(verification.IsValid, verification.Result.Problem);
    }

    [Fact]
    public async Task Policy_PushedThroughAnotherInstance_EnforcedWithinOneSecondThenRemoved()
    {
        await using var running = await RunningPostgreSqlProxy.StartAsync();
        var proxy = running.Proxy;
        using var admin = BackendRuntime.OpenDatabase(proxy.Options.Backend, TimeProvider.System, storage: proxy.Options.Storage);
        var policies = new PolicyRecords(admin);

        policies.Push(ProxyFixture.Alpha, """{ "version": 1, "rules": [ { "name": "nobody", "effect": "deny", "match": {} } ] }""");
        bool denied = await Eventually.WithinAsync(Eventually.OneSecond, async () => await EncryptStatusAsync(proxy) == HttpStatusCode.Forbidden);
        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", XksBodies.Encrypt([1]), 403, "AccessDeniedException");
        policies.Remove(ProxyFixture.Alpha);
        bool allowed = await Eventually.WithinAsync(Eventually.OneSecond, async () => await EncryptStatusAsync(proxy) == HttpStatusCode.OK);

        Assert.True(denied, "the pushed deny-all policy was not enforced within a second");
        Assert.True(allowed, "the removed policy was still enforced after a second");
        var decisions = await proxy.Database.ScalarAsync<string>("SELECT string_agg(DISTINCT line::jsonb->>'outcome', ',') FROM audit_records");
        Assert.Contains("AccessDeniedException", decisions, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> EncryptStatusAsync(ProxyFixture proxy)
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt([1])), default);
        return response.StatusCode;
    }

    private static async Task<IReadOnlyList<PostgreSqlAuditVerification>> VerifyAsync(ProxyFixture proxy)
    {
        await using var connector = PostgreSqlConnector.Create(proxy.Options.Storage.PostgreSql);
        return await PostgreSqlAuditVerifier.VerifyAsync(connector);
    }
}
