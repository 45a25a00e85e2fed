using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>Running calls against one load of the module, and reloading it.</summary>
internal sealed partial class Pkcs11Module
{
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="call"/> under the read lock when <paramref name="generation"/> is still the current load.
    /// A stale generation (or a failed reload) is reported like a finalized module: CKR_CRYPTOKI_NOT_INITIALIZED.
    /// </summary>
    public T Run<T>(int generation, Func<IPkcs11Library, T> call)
    {
        _calls.EnterReadLock();
        try
        {
            if (_library is not { } library || _generation != generation)
            {
                throw new Pkcs11Exception("C_Initialize", CKR.CKR_CRYPTOKI_NOT_INITIALIZED);
            }

            return call(library);
        }
        finally
        {
            _calls.ExitReadLock();
        }
    }

    /// <summary>
    /// C_Finalize, unload, load and C_Initialize again, unless another caller already reloaded since
    /// <paramref name="seenGeneration"/>. A load failure leaves the module unloaded until the next reload.
    /// </summary>
    public void Reload(int seenGeneration)
    {
        if (!_calls.TryEnterWriteLock(ReloadWait))
        {
            return;
        }

        try
        {
            if (_generation != seenGeneration)
            {
                return;
            }

            Unload();
            _generation++;
            _library = Load(Path);
        }
        finally
        {
            _calls.ExitWriteLock();
        }
    }

    private void Unload()
    {
        try
        {
            _library?.Dispose();
        }
#pragma warning disable CA1031 // A module that cannot finalize is dropped all the same.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _library = null;
    }

    private static IPkcs11Library Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new Pkcs11StartupException($"PKCS#11 module not found: {path}");
        }

        LibdlResolver.EnsureRegistered();
        try
        {
            return Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded);
        }
        catch (Pkcs11Exception e)
        {
            throw new Pkcs11StartupException($"PKCS#11 module {path} failed to initialise ({e.Method}: {CkrErrorMapping.NameOf(e.RV)})", e);
        }
        catch (Exception e) when (e is UnmanagedException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or LibraryArchitectureException)
        {
            throw new Pkcs11StartupException($"PKCS#11 module cannot be loaded: {path} ({e.Message})", e);
        }
    }
}
