using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>The external key store tests against the plain <see cref="HyokProxy"/> (most of them).</summary>
public abstract class ExternalKeyStoreTest(HyokProxy proxy) : ExternalKeyStoreTest<HyokProxy>(proxy);
