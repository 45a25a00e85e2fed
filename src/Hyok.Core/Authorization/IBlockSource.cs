namespace Hyok.Authorization;

/// <summary>
/// Where the request pipeline gets the kill switches in force. Read <see cref="Current"/> once per request; the
/// list it returns is immutable and changes (a <c>hyok block</c> on a running server) arrive as a new list.
/// </summary>
public interface IBlockSource
{
    /// <summary>The blocks as currently stored, expired ones included (<see cref="BlockList.Find"/> skips those).</summary>
    BlockList Current { get; }
}
