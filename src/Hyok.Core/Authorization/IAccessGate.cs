namespace Hyok.Authorization;

/// <summary>Decides whether a request may go on, on its facts alone.</summary>
public interface IAccessGate
{
    /// <summary>Kill switches: checked before anything else is asked of the key backend.</summary>
    AccessVerdict CheckBlocks(RequestFacts facts);

    /// <summary>The key store's secondary-authorization policy (never for GetHealthStatus): after the key is found.</summary>
    AccessVerdict CheckPolicy(RequestFacts facts);
}
