namespace Hyok.Kms.Keys;

/// <summary>The <c>Origin</c> values of the API; the emulator creates <see cref="AwsKms"/> and <see cref="ExternalKeyStore"/> keys.</summary>
public static class KmsKeyOrigin
{
    public const string AwsKms = "AWS_KMS";
    public const string External = "EXTERNAL";
    public const string AwsCloudHsm = "AWS_CLOUDHSM";
    public const string ExternalKeyStore = "EXTERNAL_KEY_STORE";

    public static readonly string[] All = [AwsKms, External, AwsCloudHsm, ExternalKeyStore];
}
