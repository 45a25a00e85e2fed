using Hyok.Authorization;

namespace Hyok.Core.Tests.Authorization;

public sealed class PolicyPatternTests
{
    [Theory]
    [InlineData("ebs", "ebs", true)]
    [InlineData("ebs", "EBS", false)]
    [InlineData("ebs", "ebs2", false)]
    [InlineData("ebs", "eb", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything at all", true)]
    [InlineData("app-*", "app-", true)]
    [InlineData("app-*", "app-web", true)]
    [InlineData("app-*", "xapp-web", false)]
    [InlineData("*-web", "app-web", true)]
    [InlineData("*-web", "app-web2", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("a*b*c", "abcb", false)]
    [InlineData("a*ba", "aba", true)]
    [InlineData("ab*ba", "aba", false)]
    [InlineData("*aa*aa*", "aaa", false)]
    [InlineData("*aa*aa*", "aaaa", true)]
    [InlineData("a**b", "ab", true)]
    [InlineData("?", "x", true)]
    [InlineData("?", "", false)]
    [InlineData("?", "xy", false)]
    [InlineData("key-??", "key-01", true)]
    [InlineData("key-??", "key-1", false)]
    [InlineData("*?", "", false)]
    [InlineData("*?", "a", true)]
    [InlineData("a?c*", "abcdef", true)]
    [InlineData("*b?d*", "abcde", true)]
    [InlineData("*b?d*", "abde", false)]
    [InlineData("arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/app-web", true)]
    [InlineData("arn:aws:iam::111122223333:role/*", "arn:aws:iam::444455556666:role/app-web", false)]
    [InlineData("arn:aws:iam::*:role/admin", "arn:aws:iam::444455556666:role/admin", true)]
    public void Matches_Patterns_AsDocumented(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, new PolicyPattern(pattern).Matches(value));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("x")]
    public void Matches_AbsentValue_OnlyTheNullPattern(string pattern)
    {
        Assert.False(new PolicyPattern(pattern).Matches(null));
        Assert.True(PolicyPattern.Absent.Matches(null));
        Assert.False(PolicyPattern.Absent.Matches(pattern));
    }

    [Fact]
    public void Matches_PathologicalPattern_FinishesQuickly()
    {
        // A backtracking matcher takes exponential time here; ours is at most value × pattern steps.
        var pattern = new PolicyPattern(string.Concat(Enumerable.Repeat("*a", 40)) + "*b");
        var value = new string('a', 2048);

        Assert.False(pattern.Matches(value));
        Assert.True(pattern.Matches(value + "b"));
    }

    [Theory]
    [InlineData("x", false)]
    [InlineData("x*", true)]
    [InlineData("x?", true)]
    public void HasWildcards_Text_TellsWildcards(string pattern, bool expected)
    {
        Assert.Equal(expected, new PolicyPattern(pattern).HasWildcards);
    }
}
