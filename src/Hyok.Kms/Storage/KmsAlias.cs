namespace Hyok.Kms.Storage;

/// <summary>An alias: <paramref name="Name"/> includes the <c>alias/</c> prefix.</summary>
public sealed record KmsAlias(string Name, Guid TargetKeyId, DateTimeOffset CreationDate, DateTimeOffset LastUpdatedDate);
