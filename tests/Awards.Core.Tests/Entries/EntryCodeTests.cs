using Awards.Core.Entries;

namespace Awards.Core.Tests.Entries;

public class EntryCodeTests
{
    [Fact]
    public void New_IsWellFormed()
    {
        var code = EntryCode.New();

        Assert.True(EntryCode.IsWellFormed(code), code);
        Assert.Equal(9, code.Length);
        Assert.Equal('-', code[4]);
    }

    [Fact]
    public void New_NeverUsesTheConfusableLettersILOU()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var code = EntryCode.New();
            Assert.True(code.IndexOfAny(['I', 'L', 'O', 'U']) < 0, code);
            Assert.True(EntryCode.IsWellFormed(code), code);
        }
    }

    [Fact]
    public void New_Gives2000DistinctCodes()
    {
        // 2^40 possible codes: the chance that 2,000 random ones contain a pair is about 2 in a million.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2_000; i++)
        {
            codes.Add(EntryCode.New());
        }

        Assert.Equal(2_000, codes.Count);
    }

    [Theory]
    [InlineData("7K3M-9Q2X")]
    [InlineData("0000-ZZZZ")]
    public void IsWellFormed_AcceptsAValidCode(string code)
    {
        Assert.True(EntryCode.IsWellFormed(code));
    }

    [Theory]
    [InlineData("7k3m-9q2x")]
    [InlineData("7K3M-9Q2")]
    [InlineData("7K3M-9Q2XY")]
    [InlineData("7K3I-9Q2X")]
    [InlineData("7K3L-9Q2X")]
    [InlineData("7K3O-9Q2X")]
    [InlineData("7K3U-9Q2X")]
    [InlineData("7K3M9Q2XA")]
    [InlineData("7K3M_9Q2X")]
    [InlineData("7K3M-9Q-X")]
    [InlineData("")]
    [InlineData(null)]
    public void IsWellFormed_RejectsAMalformedCode(string? code)
    {
        Assert.False(EntryCode.IsWellFormed(code));
    }
}
