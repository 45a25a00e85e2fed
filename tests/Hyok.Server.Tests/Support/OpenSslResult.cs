namespace Hyok.Server.Tests.Support;

/// <summary>What <c>openssl s_client</c> printed (stdout and stderr) and its exit code.</summary>
public sealed record OpenSslResult(int ExitCode, string Output)
{
    /// <summary>The handshake completed: s_client prints the negotiated protocol and cipher instead of <c>(NONE)</c>.</summary>
    public bool HandshakeCompleted => ExitCode == 0 && Output.Contains("New, TLSv1.", StringComparison.Ordinal);

    public override string ToString() => $"openssl exit code {ExitCode}:\n{Output}";
}
