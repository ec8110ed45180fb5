using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

public class RedactorTests
{
    [Fact]
    public void Redact_ReturnsTheSameStringWhenNothingMatches()
    {
        const string text = "## 我的故事\n\n- 第一条\n- 第二条\n\n| 年份 | 事件 |\n| --- | --- |\n| 2024 | 获奖 |\n";

        Terms.AssertUntouched(text, Terms.Author);
        Terms.AssertUntouched(string.Empty, Terms.Author);
    }

    [Fact]
    public void Redact_CountsOneMarkPerMatchAndReportsEachKindOnce()
    {
        var redaction = Terms.Redact(
            "我是青山县的张小梅（Zhang Xiaomei），电话 138 0013 8000，邮箱 xiaomei@example.org。小梅敬上",
            Terms.Author);

        Assert.Equal("我是■■的■■（■■），电话 ■■，邮箱 ■■。■■敬上", redaction.Text);
        Assert.Equal(6, redaction.Count);
        Assert.Equal([RedactionKind.Name, RedactionKind.Email, RedactionKind.Phone, RedactionKind.Unit], redaction.Kinds);
    }

    [Fact]
    public void Redact_MergesOverlappingMatchesIntoOneMark()
    {
        var redaction = Terms.Redact("写信给 zhangxiaomei@example.org 吧", Terms.Names("Zhang Xiaomei"));

        Assert.Equal("写信给 ■■ 吧", redaction.Text);
        Assert.Equal(1, redaction.Count);
        Assert.Equal([RedactionKind.Name, RedactionKind.Email], redaction.Kinds);
    }

    [Fact]
    public void Redact_MergesTouchingMatchesIntoOneMark()
    {
        var redaction = Terms.Redact("青山县张小梅13800138000", Terms.Author);

        Assert.Equal(Redactor.Mark, redaction.Text);
        Assert.Equal(1, redaction.Count);
        Assert.Equal([RedactionKind.Name, RedactionKind.Phone, RedactionKind.Unit], redaction.Kinds);
    }

    [Fact]
    public void Redact_PrefersTheLongestOfOverlappingTermsWhateverTheirOrder()
    {
        var terms = Terms.Units("清河", "国网清河供电公司", "清河供电");

        Assert.Equal("在■■工作", Terms.Redact("在国网清河供电公司工作", terms).Text);
    }

    [Fact]
    public void Redact_KeepsAHeadingAHeading()
    {
        Assert.Equal("## ■■的故事\n\n正文", Terms.Redact("## 张小梅的故事\n\n正文", Terms.Author).Text);
    }

    [Fact]
    public void Redact_KeepsTheCellsOfATable()
    {
        const string table = "| 姓名 | 单位 | 电话 |\n| --- | --- | --- |\n| 张 小梅 | **青山县** | 138-0013-8000 |\n";

        var redaction = Terms.Redact(table, Terms.Author);

        Assert.Equal("| 姓名 | 单位 | 电话 |\n| --- | --- | --- |\n| ■■ | **■■** | ■■ |\n", redaction.Text);
        Assert.Equal(3, redaction.Count);
    }

    [Fact]
    public void Redact_KeepsListItemsAndQuotes()
    {
        const string list = "- 作者：张小梅\n- 电话：13800138000\n* *Zhang Xiaomei*\n> 小梅\n1. 青山县\n";

        Assert.Equal("- 作者：■■\n- 电话：■■\n* *■■*\n> ■■\n1. ■■\n", Terms.Redact(list, Terms.Author).Text);
    }

    [Fact]
    public void Redact_KeepsALinkALink()
    {
        var redaction = Terms.Redact("[写信](mailto:xiaomei@example.org)给[小梅](https://example.org/zhang-xiaomei)", Terms.Author);

        Assert.Equal("[写信](mailto:■■)给[■■](https://example.org/■■)", redaction.Text);
    }

    [Fact]
    public void Redact_UsesAMarkWithoutMarkdownMeaning()
    {
        Assert.DoesNotContain(Redactor.Mark, c => "\\`*_{}[]()<>#+-.!|~:@&\"'=/\r\n \t".Contains(c, StringComparison.Ordinal) || char.IsLetterOrDigit(c));
        Assert.Equal(2, Redactor.Mark.Length);
    }

    [Theory]
    [InlineData("我叫张小梅，来自青山县，电话13800138000，邮箱xiaomei@example.org。")]
    [InlineData("**张**小梅 Xiaomei ZHANG +86 (138) 0013-8000 xiaomei(at)example.org")]
    [InlineData("小梅小梅小梅 张小梅张小梅 Zhang Xiaomei Zhang Xiaomei")]
    [InlineData("13800138000138001380001380013800013800138000")]
    public void Redact_IsIdempotent(string text)
    {
        var once = Redactor.Redact(text, Terms.Author);
        var twice = Redactor.Redact(once.Text, Terms.Author);

        Assert.Same(once.Text, twice.Text);
        Assert.Equal(0, twice.Count);
        Assert.Empty(twice.Kinds);
    }

    [Fact]
    public void Redact_RefusesNullArguments()
    {
        Assert.Throws<ArgumentNullException>(() => Redactor.Redact(null!, Terms.Author));
        Assert.Throws<ArgumentNullException>(() => Redactor.Redact("文本", null!));
    }

    [Fact]
    public void None_HasNoTerms()
    {
        Assert.Empty(IdentityTerms.None.Names);
        Assert.Empty(IdentityTerms.None.Emails);
        Assert.Empty(IdentityTerms.None.Phones);
        Assert.Empty(IdentityTerms.None.Units);
    }
}
