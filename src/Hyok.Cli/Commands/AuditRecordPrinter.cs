using System.Globalization;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary>
/// Prints audit records as a table (one line each) or as the raw JSON lines they are stored as. With
/// <paramref name="instanceColumn"/> (the fleet's trail in PostgreSQL) the table names each record's instance
/// (<see cref="AuditRecord.File"/>); the JSON lines stay byte-identical to what is stored.
/// </summary>
internal sealed class AuditRecordPrinter(TextWriter output, bool json, bool instanceColumn = false)
{
    private bool _headerDone;

    public void PrintAll(IEnumerable<AuditRecord> records)
    {
        foreach (var record in records)
        {
            Print(record);
        }

        output.Flush();
    }

    public async Task PrintAllAsync(IAsyncEnumerable<AuditRecord> records)
    {
        await foreach (var record in records.ConfigureAwait(false))
        {
            Print(record);
        }

        await output.FlushAsync().ConfigureAwait(false);
    }

    public void Print(AuditRecord record)
    {
        if (json)
        {
            output.WriteLine(record.Raw);
            return;
        }

        if (!_headerDone)
        {
            output.WriteLine($"{"TIME",-24} {(instanceColumn ? $"{"INSTANCE",-12} " : "")}{"SEQ",8} {"OPERATION",-15} {"KEY STORE",-12} {"KEY",-20} {"VER",4} {"OUTCOME",-28} {"MS",8}  {"KMS REQUEST ID",-36} PRINCIPAL");
            _headerDone = true;
        }

        var e = record.Event;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{AuditChain.FormatTime(e.Time),-24} {(instanceColumn ? $"{Dash(record.File),-12} " : "")}{record.Seq,8} {Dash(e.XksOperation),-15} {Dash(e.KeyStore),-12} {Dash(e.ExternalKeyId),-20} {Version(e.KeyVersion),4} {e.Outcome,-28} {e.LatencyMilliseconds,8:0.###}  {Dash(e.KmsRequestId),-36} {Dash(e.AwsPrincipalArn)}"));
    }

    /// <summary>The key version that did the cryptography (docs/key-rotation.md), "-" when none did.</summary>
    private static string Version(int? keyVersion) => keyVersion?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>"-" for none; control characters (a hostile kmsRequestId with newlines or terminal escapes) shown as '?'.</summary>
    private static string Dash(string? value) =>
        string.IsNullOrEmpty(value) ? "-" : string.Concat(value.Select(c => char.IsControl(c) ? '?' : c));
}
