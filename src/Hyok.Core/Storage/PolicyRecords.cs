using System.Security.Cryptography;
using System.Text;
using Hyok.Authorization;
using Hyok.Keys.Software;

namespace Hyok.Storage;

/// <summary>
/// Secondary-authorization policies kept in the shared database (PostgreSQL storage, docs/policy.md): <c>hyok policy push</c>
/// validates a document and stores it as the key store's next version, in force on every instance within a second; every
/// version is kept, so <c>activate</c> rolls back. Only valid documents are ever stored.
/// Refused requests throw <see cref="KeyManagementException"/>; database failures <see cref="HyokStoreException"/>.
/// </summary>
public sealed partial class PolicyRecords
{
    private readonly HyokDatabase _database;

    /// <exception cref="KeyManagementException">The database is SQLite (there a key store's policy is its PolicyFile).</exception>
    public PolicyRecords(HyokDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.Dialect.StoresPolicies)
        {
            throw new KeyManagementException(
                "policies are kept in the database only with PostgreSQL storage (Hyok:Storage:Provider postgresql); with SQLite, set the key store's PolicyFile");
        }

        _database = database;
    }

    /// <summary>Validates <paramref name="document"/> and stores it as the next version of <paramref name="keyStore"/>'s policy, in force at once.</summary>
    /// <exception cref="KeyManagementException">The document is not a valid policy (every problem listed).</exception>
    public PolicyVersionInfo Push(string keyStore, string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Push(keyStore, PolicyFile.Parse(Encoding.UTF8.GetBytes(document)));
    }

    /// <summary>Stores the document of <paramref name="parse"/> (from <see cref="PolicyFile"/>: read and parsed once) as the next version.</summary>
    /// <exception cref="KeyManagementException">The policy is not valid (every problem listed).</exception>
    public PolicyVersionInfo Push(string keyStore, PolicyParse parse)
    {
        SoftwareKeyStore.RequireKeyStoreName(keyStore);
        ArgumentNullException.ThrowIfNull(parse);
        if (!parse.IsValid || parse.Document is not { } document)
        {
            throw new KeyManagementException("the policy is not valid: " + string.Join(" ", parse.Errors));
        }

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        var now = _database.Now();
        return _database.Write((connection, transaction) =>
        {
            int version = checked((int)(Sql.Scalar<long?>(connection, transaction, "SELECT max(version) FROM policy_versions WHERE key_store = @store", ("@store", keyStore)) ?? 0) + 1);
            Sql.Execute(connection, transaction,
                "INSERT INTO policy_versions (key_store, version, document, sha256, created_at) VALUES (@store, @version, @document, @sha, @created)",
                ("@store", keyStore), ("@version", version), ("@document", document), ("@sha", sha256), ("@created", now.ToUnixTimeMilliseconds()));
            SetCurrent(connection, transaction, keyStore, version, now);
            return new PolicyVersionInfo(keyStore, version, sha256, now, IsCurrent: true);
        });
    }
}
