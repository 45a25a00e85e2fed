namespace Hyok.Testing;

/// <summary>One instance as HAProxy's <c>show stat</c> reports it.</summary>
/// <param name="Name">The server name (<see cref="HaproxyServer.ServerName"/>).</param>
/// <param name="Status"><c>UP</c>, <c>DOWN</c>, or a transition such as <c>UP 1/2</c> (going down) or <c>DOWN 1/2</c> (going up).</param>
/// <param name="CheckStatus">The last health check's result, e.g. <c>L7OK</c> (the ping route answered 200), <c>L4CON</c> (refused), <c>INI</c> (none yet).</param>
/// <param name="Sessions">Connections HAProxy has sent to this instance so far.</param>
public sealed record HaproxyServerState(string Name, string Status, string CheckStatus, long Sessions)
{
    /// <summary>UP after a health check that passed (not merely assumed UP at start).</summary>
    public bool IsUpAndChecked => Status == "UP" && CheckStatus == "L7OK";

    public bool IsDown => Status == "DOWN";

    public override string ToString() => $"{Name} {Status} (check {CheckStatus}, {Sessions} connections)";
}
