#:project ../src/Hyok.Core/Hyok.Core.csproj
// Micro-benchmark of the durable audit trail: N concurrent appenders for D seconds, durable (fsync) and not.
// Usage: dotnet run scripts/audit-bench.cs [concurrency=16,64] [seconds=3] [folder=/tmp]
// Numbers go in docs/audit.md; nothing asserts them.
using System.Diagnostics;
using System.Globalization;
using Hyok.Auditing;

var concurrencies = (args.Length > 0 ? args[0] : "16,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var parent = args.Length > 2 ? args[2] : Path.GetTempPath();
Console.WriteLine("durable concurrency records/s records/batch mean-append-ms");
foreach (var durable in new[] { true, false })
{
    foreach (var concurrency in concurrencies)
    {
        var folder = Path.Combine(parent, "hyok-audit-bench-" + Guid.NewGuid().ToString("N"));
        await using (var writer = new AuditTrailWriter(new AuditTrailOptions { Directory = folder, Durable = durable }))
        {
            var stop = Stopwatch.StartNew();
            long appended = 0;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
            {
                for (long i = 0; stop.Elapsed.TotalSeconds < seconds; i++)
                {
                    await writer.AppendAsync(new AuditEvent
                    {
                        Time = DateTimeOffset.UtcNow, KeyStore = "default", XksOperation = "Encrypt", ExternalKeyId = "key-1",
                        KmsRequestId = Guid.NewGuid().ToString(), KmsOperation = "Encrypt", AwsPrincipalArn = "arn:aws:iam::123456789012:role/app",
                        KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/" + worker, AccessKeyId = "AKIAEXAMPLEEXAMPLE26CHARS", SourceIp = "10.0.0.1",
                        Status = 200, Outcome = "OK", Decision = "policy allow rule app-role", LatencyMilliseconds = 0.8,
                    }, CancellationToken.None);
                    Interlocked.Increment(ref appended);
                }
            })));
            var elapsed = stop.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{durable,-7} {concurrency,11} {appended / elapsed,9:0} {(double)writer.RecordsWritten / writer.Batches,13:0.0} {concurrency * elapsed * 1000 / appended,14:0.000}"));
        }

        Directory.Delete(folder, recursive: true);
    }
}
