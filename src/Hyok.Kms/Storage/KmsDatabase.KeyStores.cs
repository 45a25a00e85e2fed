using System.Text;
using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.Keys;
using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Kms.Storage;

/// <summary>Custom key store rows; the credential's secret is sealed to the key store id (context <c>kms-key-store:ID</c>).</summary>
internal sealed partial class KmsDatabase
{
    private const string KeyStoreColumns =
        "id, name, state, error_code, created_at, uri_endpoint, uri_path, connectivity, access_key_id, vpc_endpoint_service_name, revision";

    /// <summary>False when a key store of that name exists (CustomKeyStoreNameInUseException).</summary>
    public bool TryInsertKeyStore(KmsCustomKeyStore store, string secret)
    {
        byte[] sealedSecret = SealSecret(store.Id, secret);
        lock (_lock)
        {
            return Sql.Execute(
                _connection, null,
                $"INSERT OR IGNORE INTO custom_key_stores ({KeyStoreColumns}, secret) VALUES "
                + "($id, $name, $state, $error, $created, $endpoint, $path, $connectivity, $akid, $vpces, $revision, $secret)",
                [.. KeyStoreParameters(store), ("$created", store.CreationDate.ToUnixTimeMilliseconds()), ("$secret", sealedSecret)]) == 1;
        }
    }

    /// <summary>
    /// Writes the settings of <paramref name="store"/> (name, proxy address, connectivity, credential, revision; matched by
    /// id), and the secret when <paramref name="newSecret"/> is given, if the stored key store is still in
    /// <paramref name="expectedState"/> at <paramref name="expectedRevision"/> (a disconnect or another update that came
    /// while the new values were being checked wins). The connection state is never written here.
    /// </summary>
    public KeyStoreWrite TryUpdateKeyStore(KmsCustomKeyStore store, string expectedState, long expectedRevision, string? newSecret)
    {
        byte[]? sealedSecret = newSecret is null ? null : SealSecret(store.Id, newSecret);
        lock (_lock)
        {
            if (Sql.Scalar<string>(_connection, null, "SELECT id FROM custom_key_stores WHERE name = $name AND id <> $id",
                ("$name", store.Name), ("$id", store.Id)) is not null)
            {
                return KeyStoreWrite.NameInUse;
            }

            int changed = Sql.Execute(
                _connection, null,
                "UPDATE custom_key_stores SET name = $name, uri_endpoint = $endpoint, uri_path = $path, connectivity = $connectivity, "
                + "access_key_id = $akid, vpc_endpoint_service_name = $vpces, revision = $revision, secret = COALESCE($secret, secret) "
                + "WHERE id = $id AND state = $expected AND revision = $expectedRevision",
                [.. KeyStoreParameters(store), ("$secret", sealedSecret), ("$expected", expectedState), ("$expectedRevision", expectedRevision)]);
            return changed == 1 ? KeyStoreWrite.Done : KeyStoreWrite.Changed;
        }
    }

    /// <summary>
    /// Deletes the key store if it is DISCONNECTED and no KMS key belongs to it (keys whose deletion date has passed do not
    /// count), in one statement, so a concurrent connect or CreateKey cannot slip in between the checks and the delete.
    /// </summary>
    public KeyStoreWrite TryDeleteKeyStore(string id, DateTimeOffset now)
    {
        lock (_lock)
        {
            int deleted = Sql.Execute(
                _connection, null,
                "DELETE FROM custom_key_stores WHERE id = $id AND state = $disconnected AND NOT EXISTS (SELECT 1 FROM keys WHERE "
                + "custom_key_store_id = $id AND NOT (state = $pending AND deletion_at IS NOT NULL AND deletion_at <= $now))",
                ("$id", id), ("$disconnected", KeyStoreConnectionStates.Disconnected), ("$pending", nameof(KmsKeyState.PendingDeletion)),
                ("$now", now.ToUnixTimeMilliseconds()));
            if (deleted == 1)
            {
                return KeyStoreWrite.Done;
            }

            string? state = Sql.Scalar<string>(_connection, null, "SELECT state FROM custom_key_stores WHERE id = $id", ("$id", id));
            return state switch
            {
                null => KeyStoreWrite.NotFound,
                KeyStoreConnectionStates.Disconnected => KeyStoreWrite.HasKeys,
                _ => KeyStoreWrite.Changed,
            };
        }
    }

    /// <summary>
    /// Sets the connection state if the key store is still in <paramref name="expectedState"/> at
    /// <paramref name="expectedRevision"/> (a background connection attempt must not overwrite a disconnect, update or
    /// delete that came meanwhile). False when it was not.
    /// </summary>
    public bool TrySetConnectionState(string id, string expectedState, long expectedRevision, string state, string? errorCode)
    {
        lock (_lock)
        {
            return Sql.Execute(
                _connection, null,
                "UPDATE custom_key_stores SET state = $state, error_code = $error WHERE id = $id AND state = $expected AND revision = $revision",
                ("$id", id), ("$state", state), ("$error", errorCode), ("$expected", expectedState), ("$revision", expectedRevision)) == 1;
        }
    }

    /// <summary>
    /// DISCONNECTED, no error code, and the revision bumped (a connection attempt still running for the old revision can
    /// no longer record its outcome), if the key store is still in <paramref name="expectedState"/> at
    /// <paramref name="expectedRevision"/>. False when it was not.
    /// </summary>
    public bool TrySetDisconnected(string id, string expectedState, long expectedRevision)
    {
        lock (_lock)
        {
            return Sql.Execute(
                _connection, null,
                "UPDATE custom_key_stores SET state = $state, error_code = NULL, revision = revision + 1 "
                + "WHERE id = $id AND state = $expected AND revision = $revision",
                ("$id", id), ("$state", KeyStoreConnectionStates.Disconnected), ("$expected", expectedState), ("$revision", expectedRevision)) == 1;
        }
    }

    private static (string Name, object? Value)[] KeyStoreParameters(KmsCustomKeyStore store) =>
    [
        ("$id", store.Id), ("$name", store.Name), ("$state", store.ConnectionState), ("$error", store.ConnectionErrorCode),
        ("$endpoint", store.UriEndpoint), ("$path", store.UriPath), ("$connectivity", store.Connectivity),
        ("$akid", store.AccessKeyId), ("$vpces", store.VpcEndpointServiceName), ("$revision", store.Revision),
    ];

    private byte[] SealSecret(string id, string secret) => _sealer.Seal(Encoding.ASCII.GetBytes(secret), SecretContext(id));

    private static string SecretContext(string id) => $"kms-key-store:{id}";
}
