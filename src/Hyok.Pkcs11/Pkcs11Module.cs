using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// One PKCS#11 module loaded once per process in multi-threaded mode (Pkcs11Interop threading FAQ:
/// C_Initialize is process-wide, so every token of the same module shares this instance). Calls run under
/// a read lock; <see cref="Reload"/> (C_Finalize, unload, load, C_Initialize) takes the write lock, so no call
/// is in flight while the module is finalized. Each load has a new <see cref="Generation"/>: sessions and
/// object handles of an older generation are never used again.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process may call the module; a late call after the last Release must still find its lock.")]
internal sealed partial class Pkcs11Module
{
    private static readonly Dictionary<string, Pkcs11Module> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock LoadedGate = new();

    private readonly ReaderWriterLockSlim _calls = new(LockRecursionPolicy.NoRecursion);
    private IPkcs11Library? _library;
    private int _generation;
    private int _references;

    private Pkcs11Module(string path, IPkcs11Library library)
    {
        Path = path;
        _library = library;
        _generation = 1;
    }

    public static Pkcs11InteropFactories Factories { get; } = new();

    /// <summary>The module's full path.</summary>
    public string Path { get; }

    /// <summary>Which load of the module is current; incremented by every <see cref="Reload"/>.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The shared instance for <paramref name="path"/>, loading it on first use.</summary>
    /// <exception cref="Pkcs11StartupException">The module is missing, cannot be loaded or does not initialise.</exception>
    public static Pkcs11Module Acquire(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        lock (LoadedGate)
        {
            if (!Loaded.TryGetValue(full, out var module))
            {
                module = new Pkcs11Module(full, Load(full));
                Loaded.Add(full, module);
            }

            module._references++;
            return module;
        }
    }

    /// <summary>Gives one <see cref="Acquire"/> back; the last one finalizes and unloads the module.</summary>
    public void Release()
    {
        lock (LoadedGate)
        {
            if (--_references > 0)
            {
                return;
            }

            Loaded.Remove(Path);

            // Still under the registry lock: a new Acquire of the same module must not C_Initialize before this C_Finalize.
            _calls.EnterWriteLock();
            try
            {
                Unload();
            }
            finally
            {
                _calls.ExitWriteLock();
            }
        }
    }
}
