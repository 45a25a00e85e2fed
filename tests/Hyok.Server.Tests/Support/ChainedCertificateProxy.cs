namespace Hyok.Server.Tests.Support;

/// <summary>A running server whose certificate file is a full chain (leaf + intermediate) issued by a test root CA.</summary>
public sealed class ChainedCertificateProxy : IAsyncLifetime
{
    private readonly TestCertificateChain _chain = TestCertificateChain.Create();

    public ChainedCertificateProxy() => Proxy = new SoftwareProxyFixture { WriteCertificateFiles = _chain.WriteServerFiles };

    public SoftwareProxyFixture Proxy { get; }

    public int Port => Proxy.BaseUri.Port;

    /// <summary>The root CA certificate (PEM), the only trust anchor a client needs.</summary>
    public string RootFile => Path.Combine(Proxy.Folder, "root.pem");

    public async Task InitializeAsync()
    {
        await Proxy.InitializeAsync();
        _chain.WriteRoot(RootFile);
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        _chain.Dispose();
    }
}
