namespace Hyok.Authorization;

/// <summary>Decides whether a request may use a key, on its facts alone (kill switches, then secondary authorization).</summary>
public interface IAccessGate
{
    AccessVerdict Check(RequestFacts facts);
}
