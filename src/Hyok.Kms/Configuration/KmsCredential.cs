namespace Hyok.Kms.Configuration;

/// <summary>One caller credential of the emulator: an AWS-style access key pair and the principal ARN it stands for.</summary>
public sealed record KmsCredential(string AccessKeyId, string SecretAccessKey, string PrincipalArn)
{
    /// <summary>Redacted: the secret is never printed.</summary>
    public override string ToString() => $"KmsCredential({AccessKeyId}, {PrincipalArn})";
}
