namespace Hyok.Storage;

/// <summary>One version of a key store's policy in the shared database (<c>hyok policy versions</c>).</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the UTF-8 document, as <c>sha256sum</c> prints it for the pushed file.</param>
/// <param name="IsCurrent">True for the version in force.</param>
public sealed record PolicyVersionInfo(string KeyStore, int Version, string Sha256, DateTimeOffset CreatedAt, bool IsCurrent);
