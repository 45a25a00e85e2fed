namespace Hyok.Storage;

public sealed class SealerTests
{
    private static readonly byte[] Secret = "a secret worth sealing"u8.ToArray();

    [Fact]
    public void Seal_ThenUnsealWithSameContext_RoundTrips()
    {
        using var key = MasterKey.Generate();
        using var sealer = new Sealer(key);

        byte[] sealedValue = sealer.Seal(Secret, "key:store:a");

        Assert.True(sealer.TryUnseal(sealedValue, "key:store:a", out byte[]? plaintext));
        Assert.Equal(Secret, plaintext);
        Assert.Equal(1 + 12 + 16 + Secret.Length, sealedValue.Length);
        Assert.Equal(Sealer.FormatVersion, sealedValue[0]);
    }

    [Fact]
    public void Seal_SameInputTwice_DifferentNonces()
    {
        using var key = MasterKey.Generate();
        using var sealer = new Sealer(key);

        Assert.NotEqual(sealer.Seal(Secret, "c"), sealer.Seal(Secret, "c"));
    }

    [Fact]
    public void TryUnseal_OtherContext_Fails()
    {
        using var key = MasterKey.Generate();
        using var sealer = new Sealer(key);

        byte[] sealedValue = sealer.Seal(Secret, "key:store:a");

        Assert.False(sealer.TryUnseal(sealedValue, "key:store:b", out _));
        Assert.False(sealer.TryUnseal(sealedValue, "key:other:a", out _));
    }

    [Fact]
    public void TryUnseal_OtherMasterKey_Fails()
    {
        using var key = MasterKey.Generate();
        using var otherKey = MasterKey.Generate();
        using var sealer = new Sealer(key);
        using var otherSealer = new Sealer(otherKey);

        Assert.False(otherSealer.TryUnseal(sealer.Seal(Secret, "c"), "c", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(29)]
    public void TryUnseal_AnyByteFlipped_Fails(int index)
    {
        using var key = MasterKey.Generate();
        using var sealer = new Sealer(key);
        byte[] sealedValue = sealer.Seal(Secret, "c");

        sealedValue[index] ^= 0x01;

        Assert.False(sealer.TryUnseal(sealedValue, "c", out _));
    }

    [Fact]
    public void TryUnseal_Truncated_Fails()
    {
        using var key = MasterKey.Generate();
        using var sealer = new Sealer(key);

        Assert.False(sealer.TryUnseal(sealer.Seal(Secret, "c").AsSpan(0, 20), "c", out _));
    }
}
