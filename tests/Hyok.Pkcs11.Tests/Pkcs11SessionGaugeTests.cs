using Hyok.Testing;

namespace Hyok.Pkcs11;

/// <summary>The pool saturation the metrics read (<c>hyok.pkcs11.sessions.in_use</c> / <c>.size</c>), on a real SoftHSM2 token.</summary>
public sealed class Pkcs11SessionGaugeTests
{
    [Fact]
    public async Task SessionsInUse_LeasesHeldAndReturned_FollowsThem()
    {
        using var token = Pkcs11Token.Open(SoftHsm.Shared.Main.Options(poolSize: 3));
        var pool = token.CurrentPool!;
        Assert.Equal(3, token.SessionPoolSize);
        Assert.Equal(0, token.SessionsInUse);

        var first = await pool.RentAsync(default);
        var second = await pool.RentAsync(default);
        Assert.Equal(2, token.SessionsInUse);

        first!.Dispose();
        Assert.Equal(1, token.SessionsInUse);
        second!.Dispose();
        Assert.Equal(0, token.SessionsInUse);
    }
}
