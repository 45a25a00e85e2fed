using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Tls;

/// <summary>The provider on a fake clock: the daily expiry warning, and a replacement that is not valid yet is served once it is.</summary>
public sealed class ServerCertificateProviderTests : IDisposable
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-provider-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public void Poll_ADayLater_WarnsOfExpiryAgain()
    {
        Write("server", _time, days: 10);
        using var provider = Start();
        Assert.Single(_logs.Entries, e => e.EventId == 1102);

        _time.Advance(TimeSpan.FromDays(1) + Hour);

        Assert.Equal(2, _logs.Entries.Count(e => e.EventId == 1102));
    }

    [Fact]
    public void Poll_ReplacementNotValidYet_IsServedOnceValid()
    {
        Write("server", _time, days: 100);
        using var provider = Start();
        Write("server", new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromDays(1) + (2 * Hour)), days: 100);

        _time.Advance(Hour);
        Assert.Equal(0, provider.Generation);
        Assert.Contains(_logs.Entries, e => e.EventId == 1101 && e.Line.Contains("is not valid before", StringComparison.Ordinal));

        _time.Advance(2 * Hour);
        Assert.Equal(1, provider.Generation);
        Assert.Single(_logs.Entries, e => e.EventId == 1101);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ServerCertificateProvider Start() => new(
        ServerCertificateProvider.LoadInitial(PathOf("server.crt"), PathOf("server.key"), _time), PathOf("server.crt"), PathOf("server.key"),
        Hour, 30, _time, _logs.CreateLogger("test"));

    /// <summary>A pair valid from a day before <paramref name="time"/>'s now for <paramref name="days"/> days.</summary>
    private void Write(string name, TimeProvider time, int days)
    {
        File.Delete(PathOf(name + ".key"));
        SelfSignedCertificate.WritePemFiles(PathOf(name + ".crt"), PathOf(name + ".key"), time, CertificateKeySpec.EcdsaP256, days, ["localhost"]);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);
}
