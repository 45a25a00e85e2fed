using FsCheck.Fluent;

namespace Hyok.Fuzz;

/// <summary>The property runner itself: a false property fails the test, and a seed gives the same cases every run.</summary>
public sealed class PropertyCheckTests
{
    [Fact]
    public void ForAll_PropertyFailingForSomeInputs_Throws()
    {
        Assert.ThrowsAny<Exception>(() => PropertyCheck.ForAll(Gen.Choose(0, 100), n => Assert.True(n < 90), seed: 1));
    }

    [Fact]
    public void ForAll_SameSeed_SameCases()
    {
        var first = new List<string>();
        var second = new List<string>();

        PropertyCheck.ForAll(PropertyCheck.Text("ab ", 10), first.Add, seed: 5, count: 50);
        PropertyCheck.ForAll(PropertyCheck.Text("ab ", 10), second.Add, seed: 5, count: 50);

        Assert.Equal(50, first.Count);
        Assert.Equal(first, second);
    }
}
