using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Storage;

namespace Hyok.Server.Tests.Support;

/// <summary>A second, independent connection to the store, as the <c>hyok</c> CLI opens it while the server runs.</summary>
public sealed class SeparateAdmin(HyokOptions options) : IDisposable
{
    private readonly HyokDatabase _database = BackendRuntime.OpenDatabase(options.Backend, TimeProvider.System, storage: options.Storage);

    public SoftwareKeyStore Store => new(_database);

    public void Dispose() => _database.Dispose();
}
