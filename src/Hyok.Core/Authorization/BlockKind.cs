namespace Hyok.Authorization;

/// <summary>What a kill switch (<see cref="Block"/>) cuts off. The stored and CLI words are in <see cref="BlockKinds"/>.</summary>
public enum BlockKind
{
    /// <summary>One external key, by externalKeyId, in every key store.</summary>
    Key,

    /// <summary>A whole logical key store, GetHealthStatus included.</summary>
    KeyStore,

    /// <summary>A calling principal, by the exact <c>awsPrincipalArn</c> of requestMetadata.</summary>
    Principal,

    /// <summary>An AWS service calling KMS on a caller's behalf, by the exact <c>kmsViaService</c> of requestMetadata.</summary>
    Service,
}
