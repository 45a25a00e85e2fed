namespace Hyok.Cli.Tests.Conformance;

/// <summary>How <see cref="BrokenProxy"/> departs from the XKS API.</summary>
public enum Breakage
{
    /// <summary>Encrypt answers carry a ciphertextDataIntegrityValue that does not match xks-spec.md §5.4.</summary>
    WrongIntegrityValue,

    /// <summary>Error answers keep their status but the body is plain text, not the JSON of xks-spec.md §6.1.</summary>
    ErrorBodiesNotJson,

    /// <summary>GetHealthStatus answers 200 to anything, whatever the signature (xks-spec.md §7.1).</summary>
    HealthIgnoresSignature,
}
