using BenchmarkDotNet.Attributes;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Operations;
using Hyok.Protocol;
using Hyok.Storage;

namespace Hyok.Benchmarks;

/// <summary>
/// The Encrypt operation (xks-spec.md §4.2, §5.3, §5.4) on the embedded default's software store: AES-256-GCM with the
/// length-prefixed AAD, the CDIV hash and its verification decrypt, and the Base64 response fields. The store is a
/// temporary sealed SQLite database served from its in-memory snapshot, as the server runs it.
/// </summary>
[MemoryDiagnoser]
public class EncryptBenchmarks
{
    private readonly List<IDisposable> owned = [];
    private string folder = "";
    private EncryptOperation operation = null!;
    private KeyDescriptor key = null!;
    private EncryptCommand command = null!;

    [Params(32, 4300)]
    public int PlaintextBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("hyok-bench-").FullName;
        using var masterKey = MasterKey.Generate();
        var database = Own(HyokDatabase.Open(System.IO.Path.Combine(folder, "hyok.db"), masterKey));
        new SoftwareKeyStore(database).CreateKey("demo-key", "default");
        var watcher = Own(HyokStoreWatcher.Start(database));
        watcher.Refresh();
        var backend = new SoftwareKeyBackend(watcher);
        var deadline = new BackendDeadline(TimeSpan.FromSeconds(10), TimeProvider.System);
        operation = new EncryptOperation(backend, deadline);
        key = backend.FindKeyAsync("demo-key", default).AsTask().GetAwaiter().GetResult().Value
            ?? throw new InvalidOperationException("The benchmark key is missing.");
        var parsed = RequestParser.ParseEncrypt(EncryptBody.Create(PlaintextBytes, 64), XksLimits.Default);
        command = parsed.IsSuccess ? parsed.Value! : throw new InvalidOperationException("The benchmark body does not parse.");
        if (!Encrypt().IsSuccess)
        {
            throw new InvalidOperationException("The benchmark encrypt fails.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        for (int i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }

        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public XksResult<EncryptResponse> Encrypt() => operation.ExecuteAsync(key, command, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }
}
