namespace Hyok.Authentication;

/// <summary><see cref="SigV4SigningKeyCache"/>: every key served equals a fresh derivation of exactly its own scope.</summary>
public sealed class SigV4SigningKeyCacheTests
{
    private const string Region = "us-east-1";
    private const string Service = SigV4Constants.Service;

    [Fact]
    public void Get_SameScopeTwice_DerivesOnceAndServesTheSameKey()
    {
        var cache = new SigV4SigningKeyCache();

        byte[] first = Get(cache, SigV4TestData.Secret, "20240515", Region, Service);
        byte[] second = Get(cache, SigV4TestData.Secret, "20240515", Region, Service);

        Assert.Equal(Derive(SigV4TestData.Secret, "20240515", Region, Service), first);
        Assert.Equal(first, second);
        Assert.Equal(1, cache.Count);
    }

    public static TheoryData<string, string, string, string> OtherScopes => new()
    {
        { SigV4TestData.Secret, "20240516", Region, Service },
        { SigV4TestData.Secret, "20250515", Region, Service },
        { SigV4TestData.Secret, "20240515", "eu-west-1", Service },
        { SigV4TestData.Secret, "20240515", Region, "kms" },
        { SigV4TestData.SecondSecret, "20240515", Region, Service },
        { SigV4TestData.Secret + "x", "20240515", Region, Service },
    };

    [Theory]
    [MemberData(nameof(OtherScopes))]
    public void Get_ScopesDifferingInOnePart_NeverMix(string secret, string date, string region, string service)
    {
        var cache = new SigV4SigningKeyCache();
        byte[] cached = Get(cache, SigV4TestData.Secret, "20240515", Region, Service);

        byte[] other = Get(cache, secret, date, region, service);
        byte[] cachedAgain = Get(cache, SigV4TestData.Secret, "20240515", Region, Service);

        Assert.Equal(Derive(secret, date, region, service), other);
        Assert.NotEqual(cached, other);
        Assert.Equal(Derive(SigV4TestData.Secret, "20240515", Region, Service), cachedAgain);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Get_BeyondCapacity_StaysBoundedAndCorrect()
    {
        var cache = new SigV4SigningKeyCache(capacity: 3);

        for (int day = 1; day <= 10; day++)
        {
            string date = $"202405{day:00}";
            Assert.Equal(Derive(SigV4TestData.Secret, date, Region, Service), Get(cache, SigV4TestData.Secret, date, Region, Service));
            Assert.InRange(cache.Count, 1, 3);
        }
    }

    [Theory]
    [InlineData("2024051")]
    [InlineData("2024051x")]
    [InlineData("202405150")]
    public void Get_DateNotEightDigits_DerivedButNotCached(string date)
    {
        var cache = new SigV4SigningKeyCache();

        byte[] key = Get(cache, SigV4TestData.Secret, date, Region, Service);

        Assert.Equal(Derive(SigV4TestData.Secret, date, Region, Service), key);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Clear_AfterUse_DropsEveryKeyAndDerivesAgain()
    {
        var cache = new SigV4SigningKeyCache();
        Get(cache, SigV4TestData.Secret, "20240515", Region, Service);
        Get(cache, SigV4TestData.SecondSecret, "20240515", Region, Service);

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.Equal(Derive(SigV4TestData.Secret, "20240515", Region, Service), Get(cache, SigV4TestData.Secret, "20240515", Region, Service));
    }

    [Fact]
    public async Task Get_ConcurrentScopesPastCapacity_EveryCallerGetsItsOwnKey()
    {
        var cache = new SigV4SigningKeyCache(capacity: 4);
        string[] dates = [.. Enumerable.Range(1, 9).Select(day => $"202405{day:00}")];
        Dictionary<string, byte[]> expected = dates.ToDictionary(date => date, date => Derive(SigV4TestData.Secret, date, Region, Service));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                string date = dates[(i + worker) % dates.Length];
                Assert.Equal(expected[date], Get(cache, SigV4TestData.Secret, date, Region, Service));
            }
        })));
    }

    private static byte[] Get(SigV4SigningKeyCache cache, string secret, string date, string region, string service)
    {
        var key = new byte[32];
        cache.Get(secret, date, region, service, key);
        return key;
    }

    private static byte[] Derive(string secret, string date, string region, string service)
    {
        var key = new byte[32];
        SigV4SigningKey.Derive(secret, date, region, key, service);
        return key;
    }
}
