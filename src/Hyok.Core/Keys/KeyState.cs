namespace Hyok.Keys;

/// <summary>The external key status reported as <c>keyStatus</c> (xks-spec.md §4.1).</summary>
public enum KeyState
{
    Enabled,
    Disabled,
}
