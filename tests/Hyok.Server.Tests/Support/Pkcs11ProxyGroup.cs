namespace Hyok.Server.Tests.Support;

/// <summary>Tests sharing one running server on the PKCS#11 backend (SoftHSM2).</summary>
[CollectionDefinition(Name)]
public sealed class Pkcs11ProxyGroup : ICollectionFixture<Pkcs11ProxyFixture>
{
    public const string Name = "pkcs11 proxy";
}
