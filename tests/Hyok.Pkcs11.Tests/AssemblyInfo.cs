// Every test class uses the one SoftHSM module of this process; a token re-initialisation (C_Finalize) in one
// test must not break another test's calls in flight, so test classes run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
