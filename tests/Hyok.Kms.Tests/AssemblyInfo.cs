// The test suite runs on Linux (Debian): it shares Hyok.Testing, which drives SoftHSM2 through Linux-only APIs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
