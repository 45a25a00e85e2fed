namespace Hyok.Cli.Demo;

/// <summary>The aws CLI commands of the flow, as printed by <c>hyok demo</c> (docs/kms-emulator.md walks through them).</summary>
internal static class DemoSteps
{
    private const string Kms = "aws --endpoint-url \"$HYOK_KMS_URL\" kms";

    public static IEnumerable<string> Lines(string environmentFile) =>
    [
        $"  source '{environmentFile}'",
        "  # 1. The external key store: KMS checks the proxy (GetHealthStatus), then connects to it.",
        $"  STORE=$({Kms} create-custom-key-store --custom-key-store-name hyok-demo --custom-key-store-type EXTERNAL_KEY_STORE \\",
        "      --xks-proxy-connectivity PUBLIC_ENDPOINT --xks-proxy-uri-endpoint \"$HYOK_XKS_ENDPOINT\" --xks-proxy-uri-path \"$HYOK_XKS_PATH\" \\",
        "      --xks-proxy-authentication-credential \"AccessKeyId=$HYOK_XKS_ACCESS_KEY_ID,RawSecretAccessKey=$HYOK_XKS_SECRET\" \\",
        "      --query CustomKeyStoreId --output text)",
        $"  {Kms} connect-custom-key-store --custom-key-store-id \"$STORE\"",
        $"  {Kms} describe-custom-key-stores --custom-key-store-id \"$STORE\" --query 'CustomKeyStores[0].ConnectionState'   # CONNECTED",
        "  # 2. A KMS key backed by the proxy's external key (KMS checks it with GetKeyMetadata).",
        $"  KEY=$({Kms} create-key --origin EXTERNAL_KEY_STORE --custom-key-store-id \"$STORE\" --xks-key-id \"$HYOK_XKS_KEY_ID\" \\",
        "      --query KeyMetadata.KeyId --output text)",
        "  # 3. Encrypt and decrypt: every call goes through the proxy (double encryption).",
        $"  {Kms} encrypt --key-id \"$KEY\" --plaintext fileb://<(printf 'hello, hyok') --encryption-context purpose=demo \\",
        "      --query CiphertextBlob --output text > /tmp/hyok-demo.b64",
        $"  {Kms} decrypt --ciphertext-blob fileb://<(base64 -d /tmp/hyok-demo.b64) --encryption-context purpose=demo \\",
        "      --query Plaintext --output text | base64 -d; echo",
        "  # 4. Pull the plug: the key owner blocks the key store; KMS can no longer use the key.",
        "  hyok block key-store \"$HYOK_KEY_STORE\" --reason demo",
        $"  {Kms} decrypt --ciphertext-blob fileb://<(base64 -d /tmp/hyok-demo.b64) --encryption-context purpose=demo   # KMSInvalidStateException",
        "  hyok unblock key-store \"$HYOK_KEY_STORE\"",
        "  hyok audit tail   # every call above, as the proxy recorded it",
    ];
}
