using Hyok.Server.Configuration;

namespace Hyok.Server.Tests.Support;

public static class TestConfiguration
{
    public static HyokOptions Create(string folder)
    {
        var options = new HyokOptions();
        options.Server.Listen.Add("127.0.0.1:0");
        options.Server.CertificateFile = Path.Combine(folder, "server.crt");
        options.Server.CertificateKeyFile = Path.Combine(folder, "server.key");
        options.Backend.DatabaseFile = Path.Combine(folder, "hyok.db");
        options.Backend.MasterKeyFile = Path.Combine(folder, "master.key");
        options.Backend.MasterKeyEnvironmentVariable = "HYOK_TEST_MASTER_KEY_UNSET";
        options.Audit.Directory = Path.Combine(folder, "audit");

        // Protocol tests are not timing tests: a loaded test machine must not turn a cold first request into a
        // DependencyTimeoutException (nor a cold PKCS#11 health probe into UNAVAILABLE). Deadlines are tested with their own
        // fixture (Limits/OverloadProxyFixture), the body timeout with Limits/SlowClientProxyFixture.
        // Likewise no shedding on the thread pool's dispatch delay, which every proxy of a test process shares with all
        // the tests running beside it: Limits/DispatchShedTests and DispatchDelayTests test it.
        options.Limits.RequestDeadlineMilliseconds = 10000;
        options.Limits.MaxDispatchDelayMilliseconds = 0;
        options.Server.BackendTimeoutMilliseconds = 10000;
        options.Server.Connections.RequestBodyTimeoutMilliseconds = 10000;
        options.KeyStores.Add(new KeyStoreOptions { Name = ProxyFixture.Alpha, PathPrefix = "/alpha", Region = "us-east-1" });
        options.KeyStores.Add(new KeyStoreOptions { Name = ProxyFixture.Beta, PathPrefix = "/tenants/beta", Region = "eu-west-1" });
        return options;
    }
}
