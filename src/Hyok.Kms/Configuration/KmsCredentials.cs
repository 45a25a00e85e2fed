using Hyok.Authentication;

namespace Hyok.Kms.Configuration;

/// <summary>
/// The emulator's callers: from the credentials file and/or the environment (<c>HYOK_KMS_ACCESS_KEY_ID</c>,
/// <c>HYOK_KMS_SECRET_ACCESS_KEY</c>, principal <see cref="KmsOptions.PrincipalArnOrDefault"/>). Loaded at start-up.
/// </summary>
public sealed class KmsCredentials : ICredentialLookup
{
    public const string AccessKeyIdVariable = "HYOK_KMS_ACCESS_KEY_ID";
    public const string SecretVariable = "HYOK_KMS_SECRET_ACCESS_KEY";

    private readonly Dictionary<string, KmsCredential> _byAccessKeyId;

    public KmsCredentials(IEnumerable<KmsCredential> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _byAccessKeyId = credentials.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<KmsCredential> All => _byAccessKeyId.Values;

    /// <summary>
    /// The environment credential if set, plus the file's; when neither exists the file is created with one random credential.
    /// </summary>
    public static KmsCredentials Load(KmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = new List<KmsCredential>();
        string? accessKeyId = Environment.GetEnvironmentVariable(AccessKeyIdVariable);
        string? secret = Environment.GetEnvironmentVariable(SecretVariable);
        if (!string.IsNullOrEmpty(accessKeyId) && !string.IsNullOrEmpty(secret))
        {
            credentials.Add(new KmsCredential(accessKeyId, secret, options.PrincipalArnOrDefault));
        }

        if (options.CredentialsFile is { } file)
        {
            if (File.Exists(file))
            {
                credentials.AddRange(KmsCredentialsFile.Read(file));
            }
            else if (credentials.Count == 0)
            {
                credentials.Add(KmsCredentialsFile.CreateDefault(file, options.PrincipalArnOrDefault));
            }
        }

        return credentials.Count > 0
            ? new KmsCredentials(credentials.DistinctBy(c => c.AccessKeyId))
            : throw new InvalidDataException($"No KMS emulator credentials: set {AccessKeyIdVariable} and {SecretVariable}, or Hyok:Kms:CredentialsFile.");
    }

    public KmsCredential? Find(string accessKeyId) => _byAccessKeyId.GetValueOrDefault(accessKeyId);

    /// <summary>One credential set for the whole emulator: <paramref name="keyStore"/> is ignored.</summary>
    public string? FindSecret(string keyStore, string accessKeyId) => Find(accessKeyId)?.SecretAccessKey;
}
