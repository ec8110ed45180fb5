using Awards.Core.Anonymization;
using Awards.Core.Common;
using Markdig;

namespace Awards.Core.Tests.Anonymization;

/// <summary>
/// A paragraph's lines are one text when rendered: a name split by a line break inside a paragraph
/// is read as one name and must be hidden, while the Markdown's blocks stay as they were.
/// </summary>
public class RedactorLineBreakTests
{
    [Theory]
    [InlineData("作者张小\n梅，来自山区。", "作者■■\n■■，来自山区。")]
    [InlineData("作者张\n小梅，来自山区。", "作者■■\n■■，来自山区。")]
    [InlineData("作者张小\r\n梅。", "作者■■\r\n■■。")]
    [InlineData("作者张小  \n梅。", "作者■■  \n■■。")]
    [InlineData("作者张小\\\n梅。", "作者■■\\\n■■。")]
    [InlineData("作者张小 \n  梅。", "作者■■ \n  ■■。")]
    [InlineData("> 作者张小\n> 梅。", "> 作者■■\n> ■■。")]
    [InlineData("- 作者张小\n  梅。", "- 作者■■\n  ■■。")]
    [InlineData("作者**张小\n梅**。", "作者**■■\n■■**。")]
    [InlineData("作者**张小**\n梅。", "作者■■\n■■。")]
    [InlineData("By Zhang\nXiaomei.", "By ■■\n■■.")]
    [InlineData("By Xiaomei\nZhang.", "By ■■\n■■.")]
    public void Redact_FindsANameSplitByALineBreakInsideAParagraphAndKeepsTheLines(string text, string expected)
    {
        var redaction = Terms.Redact(text, Terms.Author);

        Assert.Equal(expected, redaction.Text);
        Assert.Equal(1, redaction.Count);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("作者张小\n\n梅花开了。")]
    [InlineData("作者张小\n \n梅花开了。")]
    [InlineData("作者张小\r\n\r\n梅花开了。")]
    [InlineData("# 作者张小\n梅花开了。")]
    [InlineData("- 作者张小\n- 梅花开了。")]
    [InlineData("> 作者张小\n\n梅花开了。")]
    [InlineData("作者张小\n---\n梅花开了。")]
    [InlineData("| 作者张小 |\n| --- |\n| 梅花 |")]
    [InlineData("By Zhang\n\nXiaomei is a flower.")]
    public void Redact_DoesNotJoinLinesOfDifferentBlocks(string text)
    {
        Terms.AssertUntouched(text, Terms.Author);
    }

    [Fact]
    public void Redact_KeepsAHeadingWhoseTextRunsOverTwoLines()
    {
        var redaction = Terms.Redact("作者张小\n梅\n===\n\n正文。", Terms.Author);

        Assert.Equal("作者■■\n■■\n===\n\n正文。", redaction.Text);
        Assert.StartsWith("<h1>", Markdown.ToHtml(redaction.Text, SiteMarkdown.Pipeline), StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_KeepsAHeadingBeforeAParagraphThatStartsWithTheRestOfAName()
    {
        var names = Terms.Names("李娜");

        Terms.AssertUntouched("## 我是李\n娜娜的同学。", names);
        Assert.Equal("## 我是■■\n\n正文。", Terms.Redact("## 我是李娜\n\n正文。", names).Text);
    }

    [Fact]
    public void Redact_FindsANameAcrossALineBreakAndACodeSpan()
    {
        Assert.Equal("作者■■\n■■。", Terms.Redact("作者`张小`\n梅。", Terms.Author).Text);
    }
}
