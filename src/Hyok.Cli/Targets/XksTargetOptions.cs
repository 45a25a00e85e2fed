namespace Hyok.Cli.Targets;

/// <summary>The target options as given on the command line; any of them may be missing.</summary>
internal sealed record XksTargetOptions(
    string? Url,
    string? Region,
    string? AccessKeyId,
    string? SecretFile,
    string? KeyId,
    string? CaCertificateFile,
    string? Config,
    string KeyStore);
