using Hyok.Server.Configuration;
using Hyok.Testing;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// The proxy on the PKCS#11 backend (SoftHSM2, a token of its own) with its key records, credentials and audit trail in
/// PostgreSQL: a fleet instance in front of an HSM.
/// </summary>
public sealed class Pkcs11PostgreSqlProxyFixture : Pkcs11ProxyFixture
{
    public PostgresDatabase Database { get; private set; } = null!;

    protected override SoftHsmToken Token => SoftHsm.Shared.Other;

    protected override void ConfigureBackend(HyokOptions options)
    {
        base.ConfigureBackend(options);
        Database = PostgreSqlProxyFixture.UsePostgreSql(options, Folder, "pkcs11-instance-1");
    }
}
