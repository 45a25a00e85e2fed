using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>The external key tests against the plain <see cref="HyokProxy"/> (most of them).</summary>
public abstract class ExternalKeyTest(HyokProxy proxy) : ExternalKeyTest<HyokProxy>(proxy);
