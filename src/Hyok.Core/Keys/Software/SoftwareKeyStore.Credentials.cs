using System.Text;
using Hyok.Authentication;
using Hyok.Storage;
using System.Data.Common;

namespace Hyok.Keys.Software;

/// <summary>XKS credential management (xks-spec.md §7.2, §7.3): per key store, secrets sealed, never listed.</summary>
public sealed partial class SoftwareKeyStore
{
    /// <summary>Generates a new credential for <paramref name="keyStore"/> with <see cref="CredentialGenerator"/>.</summary>
    /// <exception cref="KeyManagementException">The key store name is invalid.</exception>
    public IssuedCredential AddCredential(string keyStore)
    {
        RequireKeyStoreName(keyStore);
        string secret = CredentialGenerator.NewSecret();
        var info = InsertCredential(keyStore, CredentialGenerator.NewAccessKeyId(), secret);
        return new IssuedCredential(info.KeyStore, info.AccessKeyId, secret, info.CreatedAt);
    }

    /// <summary>Stores an existing credential (for instance one already entered in KMS).</summary>
    /// <exception cref="KeyManagementException">A format is invalid (xks-spec.md §7.2) or the access key id exists.</exception>
    public CredentialInfo ImportCredential(string keyStore, string accessKeyId, string secret)
    {
        RequireKeyStoreName(keyStore);
        if (!CredentialFormat.IsValidAccessKeyId(accessKeyId))
        {
            throw new KeyManagementException("the access key id must be 20-30 characters of A-Z 2-7");
        }

        if (!CredentialFormat.IsValidSecret(secret))
        {
            throw new KeyManagementException("the secret access key must be 43-64 characters of a-z A-Z 0-9 / + =");
        }

        return InsertCredential(keyStore, accessKeyId, secret);
    }

    /// <summary>The credentials of <paramref name="keyStore"/>, or of every key store when null; never the secrets.</summary>
    public IReadOnlyList<CredentialInfo> ListCredentials(string? keyStore = null) => Read(connection =>
    {
        const string select = "SELECT key_store, access_key_id, created_at FROM credentials";
        using var command = keyStore is null
            ? Sql.Command(connection, null, $"{select} ORDER BY key_store, created_at, access_key_id")
            : Sql.Command(connection, null, $"{select} WHERE key_store = @store ORDER BY created_at, access_key_id", ("@store", keyStore));
        var credentials = new List<CredentialInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            credentials.Add(new CredentialInfo(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return credentials;
    });

    /// <summary>Removes a credential; requests signed with it fail within a second.</summary>
    /// <exception cref="KeyManagementException">No such credential in that key store.</exception>
    public void RemoveCredential(string keyStore, string accessKeyId)
    {
        RequireKeyStoreName(keyStore);
        int removed = Write((connection, transaction) => Sql.Execute(connection, transaction,
            "DELETE FROM credentials WHERE key_store = @store AND access_key_id = @id", ("@store", keyStore), ("@id", accessKeyId)));
        if (removed == 0)
        {
            throw new KeyManagementException($"no credential '{accessKeyId}' in key store '{keyStore}'");
        }
    }

    private CredentialInfo InsertCredential(string keyStore, string accessKeyId, string secret)
    {
        var info = new CredentialInfo(keyStore, accessKeyId, Now());
        byte[] sealedSecret = _database.Sealer.Seal(Encoding.UTF8.GetBytes(secret), SealContexts.Credential(keyStore, accessKeyId));
        try
        {
            Write((connection, transaction) => Sql.Execute(connection, transaction,
                "INSERT INTO credentials (access_key_id, key_store, secret, created_at) VALUES (@id, @store, @secret, @created)",
                ("@id", accessKeyId), ("@store", keyStore), ("@secret", sealedSecret), ("@created", info.CreatedAt.ToUnixTimeMilliseconds())));
        }
        catch (StoreConflictException e)
        {
            throw new KeyManagementException($"the access key id '{accessKeyId}' already exists", e);
        }

        return info;
    }
}
