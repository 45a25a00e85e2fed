using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>The rule for every error a target sees (xks-spec.md §6.1): an expected kind, a short printable ASCII message.</summary>
internal static class SafeMessage
{
    public static void Check(XksError error, params XksErrorCode[] expected)
    {
        FuzzInvariantException.Require(expected.Contains(error.Code), $"unexpected error kind {error.Code}");
        FuzzInvariantException.Require(error.Message.Length is > 0 and < 512, "errorMessage must be 1-511 characters");
        FuzzInvariantException.Require(
            !error.Message.AsSpan().ContainsAnyExceptInRange((char)0x20, (char)0x7E), "errorMessage must be printable ASCII");
    }
}
