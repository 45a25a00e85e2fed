namespace Hyok.Authorization;

/// <summary>
/// One pattern of a policy rule: exact text, or text with wildcards <c>*</c> (any run of characters, also
/// none) and <c>?</c> (exactly one character); case-sensitive (ordinal). There is no escape: <c>*</c> and
/// <c>?</c> are always wildcards. The null pattern (JSON <c>null</c>) matches a field the request does not
/// carry, and nothing else; a text pattern never matches an absent field.
/// </summary>
/// <remarks>
/// Matching splits the pattern at each <c>*</c>; the first piece is anchored at the start, the last at the
/// end, and the pieces in between are found leftmost-first. That greedy choice is always right because a
/// <c>*</c> can absorb anything, so a match costs at most O(value × pattern) with no backtracking blow-up.
/// </remarks>
public sealed class PolicyPattern
{
    private readonly string[] _pieces;

    public PolicyPattern(string? text)
    {
        Text = text;
        _pieces = text?.Split('*') ?? [];
    }

    /// <summary>The pattern that matches an absent field (JSON <c>null</c>).</summary>
    public static PolicyPattern Absent { get; } = new(null);

    /// <summary>The pattern as written; null for <see cref="Absent"/>.</summary>
    public string? Text { get; }

    /// <summary>True when the pattern contains <c>*</c> or <c>?</c>.</summary>
    public bool HasWildcards => Text is not null && Text.AsSpan().IndexOfAny('*', '?') >= 0;

    public bool Matches(string? value)
    {
        if (Text is null || value is null)
        {
            return Text is null && value is null;
        }

        if (_pieces.Length == 1)
        {
            return value.Length == Text.Length && PieceAt(value, 0, Text);
        }

        var first = _pieces[0];
        var last = _pieces[^1];
        var end = value.Length - last.Length;
        if (end < first.Length || !PieceAt(value, 0, first) || !PieceAt(value, end, last))
        {
            return false;
        }

        var position = first.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var found = Find(value, position, end, _pieces[i]);
            if (found < 0)
            {
                return false;
            }

            position = found + _pieces[i].Length;
        }

        return true;
    }

    /// <summary>The pattern as JSON would show it: quoted text, or <c>null</c>.</summary>
    public override string ToString() => Text is null ? "null" : $"\"{Text}\"";

    /// <summary>The leftmost index in [start, end - piece.Length] where <paramref name="piece"/> matches, else -1.</summary>
    private static int Find(string value, int start, int end, string piece)
    {
        for (var i = start; i <= end - piece.Length; i++)
        {
            if (PieceAt(value, i, piece))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool PieceAt(string value, int start, string piece)
    {
        for (var k = 0; k < piece.Length; k++)
        {
            if (piece[k] != '?' && piece[k] != value[start + k])
            {
                return false;
            }
        }

        return true;
    }
}
