using System.Globalization;
using System.Text;
using Hyok.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Auditing;

/// <summary>An audit folder in a temp directory, events to write into it and raw access to its lines.</summary>
internal sealed class AuditTestTrail : IDisposable
{
    private readonly TempDirectory _temp = new();

    public AuditTestTrail() => Directory = Path.Combine(_temp.Path, "audit");

    public string Directory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero));

    public AuditTrailWriter Open(long maxFileBytes = AuditTrailOptions.DefaultMaxFileBytes, TimeSpan? maxFileAge = null) =>
        new(new AuditTrailOptions { Directory = Directory, MaxFileBytes = maxFileBytes, MaxFileAge = maxFileAge ?? TimeSpan.FromHours(24) }, Time);

    public string FilePath(int number) => Path.Combine(Directory, AuditChain.FileName(number));

    public static AuditEvent Event(int n, string outcome = "OK") => new()
    {
        Time = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero).AddSeconds(n),
        KeyStore = "default",
        XksOperation = "Encrypt",
        ExternalKeyId = "key-" + (n % 3).ToString(CultureInfo.InvariantCulture),
        KmsRequestId = "req-" + n.ToString(CultureInfo.InvariantCulture),
        KmsOperation = "Encrypt",
        AwsPrincipalArn = "arn:aws:iam::123456789012:role/app",
        Status = outcome == "OK" ? 200 : 403,
        Outcome = outcome,
        LatencyMilliseconds = 1.23456,
    };

    /// <summary>Writes records 1..<paramref name="count"/> with a fresh writer.</summary>
    public async Task WriteAsync(int count, int first = 1)
    {
        await using var writer = Open();
        for (int n = first; n < first + count; n++)
        {
            await writer.AppendAsync(Event(n), CancellationToken.None);
        }
    }

    public List<string> Lines(int file = 1) => [.. File.ReadAllText(FilePath(file), Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public void Rewrite(int file, IEnumerable<string> lines) => File.WriteAllText(FilePath(file), string.Concat(lines.Select(l => l + "\n")));

    public void Dispose() => _temp.Dispose();
}
