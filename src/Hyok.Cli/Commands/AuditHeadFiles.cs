using Hyok.Auditing;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Commands;

/// <summary>
/// Signed audit heads read from files (<c>--head</c>, <c>--from</c>) and the signer of <c>hyok audit head</c>, under one
/// opening of the store and its head signer (the master key), made when first needed.
/// </summary>
internal sealed class AuditHeadFiles(string? config) : IDisposable
{
    private StoreAccess? _access;
    private AuditHeadSigner? _signer;

    public AuditHeadSigner Signer => _signer ??= (_access ??= StoreAccess.Open(config)).OpenAuditHeadSigner();

    /// <summary>A head of the audit files, its signature checked.</summary>
    public AuditHead ReadFileHead(string file)
    {
        var head = AuditHead.Parse(File.ReadAllText(file));
        if (PostgreSqlAuditHeads.InstanceOf(head) is not null)
        {
            throw new CliException($"the head in {file} is of the PostgreSQL trail, not of the audit files");
        }

        return Signer.IsValid(head)
            ? head
            : throw new CliException($"the head in {file} has no valid signature (edited, or signed with another master key)");
    }

    /// <summary>The heads of a fleet's chains, one JSON line each, every one signed under this configuration's master key.</summary>
    public List<AuditHead> ReadFleetHeads(string file)
    {
        var heads = File.ReadAllLines(file).Where(l => l.Length > 0).Select(AuditHead.Parse).ToList();
        return heads.Count > 0 && heads.All(h => Signer.IsValid(h) && PostgreSqlAuditHeads.InstanceOf(h) is not null)
            ? heads
            : throw new CliException($"the heads in {file} are not all validly signed heads of the PostgreSQL trail (edited, of a file trail, or signed with another master key)");
    }

    /// <summary>Fleet heads to verify from (<c>--from</c>): at most one per instance.</summary>
    public List<AuditHead> ReadFleetAnchors(string file)
    {
        var anchors = ReadFleetHeads(file);
        return anchors.GroupBy(PostgreSqlAuditHeads.InstanceOf).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? throw new CliException($"the anchors in {file} name instance '{twice.Key}' more than once: keep one anchor per instance")
            : anchors;
    }

    public void Dispose()
    {
        _signer?.Dispose();
        _access?.Dispose();
    }
}
