namespace Hyok.Kms.Keys;

/// <summary>The ARNs of the emulator's region and account: <c>arn:aws:kms:REGION:ACCOUNT:key/ID</c> and <c>...:alias/NAME</c>.</summary>
public sealed record KmsArns(string Region, string AccountId)
{
    public string Prefix => $"arn:aws:kms:{Region}:{AccountId}:";

    public string Key(Guid id) => Prefix + "key/" + id.ToString("D");

    /// <summary>The ARN of an alias; <paramref name="aliasName"/> includes the <c>alias/</c> prefix.</summary>
    public string Alias(string aliasName) => Prefix + aliasName;
}
