using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hyok.Testing;

/// <summary>
/// A private SoftHSM2 installation for this test process: a temporary folder with its own softhsm2.conf
/// (directories.tokendir inside it), exported as SOFTHSM2_CONF to the native environment before the module
/// is first loaded (SoftHSM reads it at C_Initialize; .NET's SetEnvironmentVariable alone does not reach
/// native getenv). Missing softhsm2-util or the module fails the test with a clear message; nothing skips.
/// </summary>
public sealed partial class SoftHsm
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    private static readonly Lazy<SoftHsm> Instance = new(() => new SoftHsm(), LazyThreadSafetyMode.ExecutionAndPublication);

    private SoftHsm()
    {
        if (!File.Exists(ModulePath))
        {
            throw new InvalidOperationException($"SoftHSM2 module {ModulePath} is missing: install the Debian package softhsm2 (the ./test script does).");
        }

        Root = Directory.CreateTempSubdirectory("hyok-softhsm-").FullName;
        TokenDirectory = Path.Combine(Root, "tokens");
        Directory.CreateDirectory(TokenDirectory);
        ConfigPath = Path.Combine(Root, "softhsm2.conf");
        File.WriteAllText(ConfigPath, $"directories.tokendir = {TokenDirectory}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", ConfigPath);
        if (SetEnv("SOFTHSM2_CONF", ConfigPath, 1) != 0)
        {
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Root);

        // SoftHSM scans tokendir at C_Initialize only: every token the tests use exists before the first load.
        Main = CreateToken("hyok-main");
        Keys = CreateToken("hyok-keys");
        Removable = CreateToken("hyok-removable");
        Other = CreateToken("hyok-other");
    }

    /// <summary>The token most backend tests use.</summary>
    public SoftHsmToken Main { get; }

    /// <summary>The token of the key manager tests (its key list is theirs alone).</summary>
    public SoftHsmToken Keys { get; }

    /// <summary>The token the recovery tests remove and restore.</summary>
    public SoftHsmToken Removable { get; }

    /// <summary>A token for start-up tests (wrong PIN, lookup by serial).</summary>
    public SoftHsmToken Other { get; }

    /// <summary>The process-wide SoftHSM folder (one per test assembly run).</summary>
    public static SoftHsm Shared => Instance.Value;

    public string Root { get; }

    public string TokenDirectory { get; }

    public string ConfigPath { get; }

    /// <summary>Initialises a new token with <c>softhsm2-util --init-token --free</c>.</summary>
    private SoftHsmToken CreateToken(string label)
    {
        var before = Directory.GetDirectories(TokenDirectory).ToHashSet(StringComparer.Ordinal);
        string userPin = "user-" + Guid.NewGuid().ToString("N")[..12];
        string soPin = "so-" + Guid.NewGuid().ToString("N")[..12];
        RunUtil("--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", userPin);
        string folder = Directory.GetDirectories(TokenDirectory).Single(d => !before.Contains(d));
        string serial = SerialOf(label);
        return new SoftHsmToken(this, label, serial, userPin, folder);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
