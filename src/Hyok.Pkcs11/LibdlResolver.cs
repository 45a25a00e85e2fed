using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// Pkcs11Interop loads modules through <c>dlopen</c> from <c>libdl</c>, which Debian 12 ships only as
/// <c>libdl.so.2</c> (no <c>libdl.so</c> without the -dev package). This resolver maps the name for the
/// Pkcs11Interop assembly; it is registered once per process, before the first module load.
/// </summary>
internal static class LibdlResolver
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, Resolve);
            _registered = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (OperatingSystem.IsLinux() && libraryName.StartsWith("libdl", StringComparison.Ordinal)
            && NativeLibrary.TryLoad("libdl.so.2", out var handle))
        {
            return handle;
        }

        return IntPtr.Zero;
    }
}
