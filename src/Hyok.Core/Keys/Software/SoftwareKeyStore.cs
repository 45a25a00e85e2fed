using Hyok.Storage;
using System.Data.Common;

namespace Hyok.Keys.Software;

/// <summary>
/// Management of the embedded software key store, used by the <c>hyok</c> CLI: create, list and
/// enable/disable keys; add, import, list and remove XKS credentials. Every write goes straight to the
/// database; a running server's <see cref="HyokStoreWatcher"/> picks it up within a second.
/// Refused requests throw <see cref="KeyManagementException"/>; database failures <see cref="HyokStoreException"/>.
/// Key material and secrets are sealed under the master key before they reach the database.
/// </summary>
public sealed partial class SoftwareKeyStore
{
    private readonly HyokDatabase _database;

    /// <summary>Manages the keys and credentials of <paramref name="database"/> (which the caller keeps owning).</summary>
    public SoftwareKeyStore(HyokDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    // Stored at millisecond precision: return what a later read returns.
    private DateTimeOffset Now() => _database.Now();

    private T Write<T>(Func<DbConnection, DbTransaction, T> work) => _database.Write(work);

    private T Read<T>(Func<DbConnection, T> work) => _database.Read(work);
}
