using Awards.Core.Common;

namespace Awards.Core.Tests.Common;

public class TextLengthTests
{
    [Fact]
    public void Count_CountsEachChineseCharacterAsOne()
    {
        Assert.Equal(5, TextLength.Count("脱贫攻坚战"));
    }

    [Fact]
    public void Count_CountsFullWidthPunctuationAsOneEach()
    {
        // 我们 2 + ， 1 + 成功 2 + 。 1 + 好 1 + ！ 1
        Assert.Equal(8, TextLength.Count("我们，成功。好！"));
    }

    [Fact]
    public void Count_CountsEachEnglishWordAsOne()
    {
        Assert.Equal(3, TextLength.Count("Poverty Alleviation Day"));
    }

    [Fact]
    public void Count_KeepsApostrophesAndHyphensInsideAWord()
    {
        Assert.Equal(4, TextLength.Count("It's a well-known fact"));
    }

    [Fact]
    public void Count_KeepsATypographicApostropheInsideAWord()
    {
        Assert.Equal(2, TextLength.Count("It’s done"));
    }

    [Fact]
    public void Count_CountsANumberAsOneWord()
    {
        Assert.Equal(1, TextLength.Count("2026"));
    }

    [Theory]
    [InlineData("他说：“好！”", 7)]
    [InlineData("‘一’", 3)]
    [InlineData("破折号——省略号……", 10)]
    [InlineData("阿卜杜·热合曼", 7)]
    [InlineData("don’t stop", 2)]
    [InlineData("rock 'n' roll", 3)]
    public void Count_CountsTheChinesePunctuationOfGeneralBlocks_ButNotApostrophesInWords(string text, int expected)
    {
        Assert.Equal(expected, TextLength.Count(text));
    }

    [Fact]
    public void Count_IgnoresAsciiPunctuationAndWhiteSpace()
    {
        Assert.Equal(2, TextLength.Count("  Hello,   world!  \n\t"));
    }

    [Theory]
    [InlineData("# 扶贫", 2)]
    [InlineData("### 扶贫", 2)]
    [InlineData("**扶贫**", 2)]
    [InlineData("*扶贫*", 2)]
    [InlineData("- 扶贫", 2)]
    [InlineData("> 扶贫", 2)]
    [InlineData("[扶贫]", 2)]
    [InlineData("`扶贫`", 2)]
    [InlineData("---", 0)]
    public void Count_IgnoresMarkdownMarkup(string markdown, int expected)
    {
        Assert.Equal(expected, TextLength.Count(markdown));
    }

    [Fact]
    public void Count_IgnoresTheTargetOfAMarkdownLink()
    {
        // Only the link text 扶贫日 is read; the URL is markup, not text.
        Assert.Equal(3, TextLength.Count("[扶贫日](https://example.com/fupin)"));
    }

    [Fact]
    public void Count_CountsOnlyTheTextOfAMarkdownDocument()
    {
        // 清单 2 + 第一项 3 + 第二项 3 + First item 2
        const string markdown = "## 清单\n\n- **第一项**\n- 第二项\n> First item\n";

        Assert.Equal(10, TextLength.Count(markdown));
    }

    [Fact]
    public void Count_AddsChineseCharactersAndEnglishWordsInMixedText()
    {
        // 我在 2 + 2026 1 + 年参加了 4 + Poverty Alleviation Day 3 + 活动 2 + 。 1
        Assert.Equal(13, TextLength.Count("我在2026年参加了Poverty Alleviation Day活动。"));
    }

    [Fact]
    public void Count_EndsAnEnglishWordAtAChineseCharacter()
    {
        // "AI" and "app" are separate words because 帮扶 sits between them.
        Assert.Equal(4, TextLength.Count("AI帮扶app"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Count_IsZeroForNullOrEmptyText(string? text)
    {
        Assert.Equal(0, TextLength.Count(text));
    }

    [Fact]
    public void Count_IsZeroForWhiteSpaceOnly()
    {
        Assert.Equal(0, TextLength.Count("   \n  "));
    }
}
