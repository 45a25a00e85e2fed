using System.Text.Json.Nodes;
using Hyok.Auditing;

namespace Hyok.Server.Tests.Control;

/// <summary>Finds the audit record of a request by the kmsRequestId its body carried.</summary>
public static class AuditLookup
{
    public static AuditEvent Of(string auditFolder, JsonObject body)
    {
        var requestId = body["requestMetadata"]!["kmsRequestId"]!.GetValue<string>();
        var records = new AuditTrailReader(auditFolder).ReadAll().Where(r => r.Event.KmsRequestId == requestId).ToList();
        Assert.True(records.Count == 1, $"expected exactly one audit record for {requestId}, found {records.Count}");
        return records[0].Event;
    }

    /// <summary>The one audit record of a request to a (made-up, unique) key id, for requests refused before their body was parsed.</summary>
    public static AuditEvent OfKeyId(string auditFolder, string keyId)
    {
        var records = new AuditTrailReader(auditFolder).ReadAll().Where(r => r.Event.ExternalKeyId == keyId).ToList();
        Assert.True(records.Count == 1, $"expected exactly one audit record for key {keyId}, found {records.Count}");
        return records[0].Event;
    }
}
