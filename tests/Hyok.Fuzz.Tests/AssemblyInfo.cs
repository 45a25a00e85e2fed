// Like the other test suites, this one runs on Linux (Debian).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
