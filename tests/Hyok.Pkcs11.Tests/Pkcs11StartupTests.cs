using Hyok.Testing;
using Hyok.Pkcs11.Testing;

namespace Hyok.Pkcs11;

public sealed class Pkcs11StartupTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    private static readonly SoftHsmToken Other = SoftHsm.Shared.Other;

    [Fact]
    public void Open_WrongPin_ClearErrorWithoutThePin()
    {
        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(Other.Options(pin: "wrong-pin-sentinel")));

        Assert.Equal($"The PIN for token '{Other.Label}' was rejected (CKR_PIN_INCORRECT)", e.Message);
        Assert.DoesNotContain("wrong-pin-sentinel", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Failure_DoesNotDisturbOtherUsersOfTheModule()
    {
        Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(Other.Options(pin: "wrong")));

        Assert.True((await fixture.Backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, new byte[] { 0, 0, 0 }, default)).IsSuccess);
    }

    [Fact]
    public void Open_MissingModule_ClearError()
    {
        var options = Other.Options() with { ModulePath = "/nonexistent/libpkcs11-missing.so" };

        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(options));

        Assert.Equal("PKCS#11 module not found: /nonexistent/libpkcs11-missing.so", e.Message);
    }

    [Fact]
    public void Open_NotAModule_ClearError()
    {
        string notModule = Path.Combine(SoftHsm.Shared.Root, "not-a-module.so");
        File.WriteAllText(notModule, "not an ELF file");

        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(Other.Options() with { ModulePath = notModule }));

        Assert.StartsWith($"PKCS#11 module cannot be loaded: {notModule}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownLabel_ListsTokensPresent()
    {
        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(Other.Options() with { TokenLabel = "no-such-token" }));

        Assert.StartsWith("No token with label 'no-such-token' (tokens present: ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{SoftHsm.Shared.Main.Label}' (serial {SoftHsm.Shared.Main.Serial})", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{Other.Label}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BySerial_FindsToken()
    {
        using var token = Pkcs11Token.Open(Other.Options() with { TokenLabel = null, TokenSerial = Other.Serial });

        Assert.Equal(Other.Label, token.Info.Label);
        Assert.Equal(Other.Serial, token.Info.SerialNumber);
    }

    [Fact]
    public void Open_PinFromEnvironment_Works()
    {
        string variable = "HYOK_TEST_PKCS11_PIN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Other.UserPin);
        try
        {
            using var token = Pkcs11Token.Open(Other.Options() with { PinFile = null, PinEnvironmentVariable = variable });

            Assert.True(token.IsAvailable);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Open_PinEnvironmentVariableUnset_ClearError()
    {
        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(Other.Options() with { PinFile = null, PinEnvironmentVariable = "HYOK_TEST_UNSET_PIN" }));

        Assert.Equal("The PIN environment variable HYOK_TEST_UNSET_PIN is not set", e.Message);
    }

    [Fact]
    public void Open_PinFileReadableByOthers_RefusedWithFix()
    {
        var options = Other.Options();
        File.SetUnixFileMode(options.PinFile!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(options));

        Assert.Contains("mode 0640", e.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {options.PinFile}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Other.UserPin, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidOptions_EveryProblemAtOnce()
    {
        var e = Assert.Throws<Pkcs11StartupException>(() => Pkcs11Token.Open(new Pkcs11Options { SessionPoolSize = 0 }));

        Assert.Contains("ModulePath is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("TokenLabel or TokenSerial is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("PinFile or PinEnvironmentVariable is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("SessionPoolSize must be between 1 and 256 (is 0)", e.Message, StringComparison.Ordinal);
    }
}
