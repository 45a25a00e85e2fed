namespace Hyok.Cli.Conformance;

/// <summary>What a server answered to a hand-written ClientHello: a ServerHello of the offered version (with the suite it chose) or not.</summary>
/// <param name="Accepted">A ServerHello of the offered version came back.</param>
/// <param name="Answer">How the answer reads in a report: <c>alert 70 (protocol_version)</c>, <c>ServerHello for version 0x0301</c>.</param>
/// <param name="Suite">The cipher suite the ServerHello chose, when there was one.</param>
internal sealed record TlsHelloAnswer(bool Accepted, string Answer, ushort? Suite = null);
