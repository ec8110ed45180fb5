using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

public class RedactorEmailTests
{
    private static readonly IdentityTerms GivenEmail = Terms.Emails(Terms.Email);

    [Fact]
    public void Redact_RedactsEveryEmailAddressEvenWithoutTerms()
    {
        var redaction = Terms.Redact("请联系 someone.else@other-school.edu.cn 或 Xiaomei@Example.ORG。", IdentityTerms.None);

        Assert.Equal("请联系 ■■ 或 ■■。", redaction.Text);
        Assert.Equal(2, redaction.Count);
        Assert.Equal([RedactionKind.Email], redaction.Kinds);
    }

    [Fact]
    public void Redact_FindsAnAddressRightNextToChineseText()
    {
        Assert.Equal("邮箱■■欢迎来信", Terms.Redact("邮箱xiaomei@example.org欢迎来信", IdentityTerms.None).Text);
    }

    [Fact]
    public void Redact_RedactsTheAddressInsideAMarkdownMailtoLink()
    {
        var redaction = Terms.Redact("欢迎[写信](mailto:xiaomei@example.org)给我。", IdentityTerms.None);

        Assert.Equal("欢迎[写信](mailto:■■)给我。", redaction.Text);
        Assert.Equal(1, redaction.Count);
    }

    [Fact]
    public void Redact_RedactsAnAddressUsedAsLinkTextAndTarget()
    {
        Assert.Equal(
            "[■■](mailto:■■?subject=hi) and <■■>",
            Terms.Redact("[Xiaomei@example.org](mailto:xiaomei@example.org?subject=hi) and <other@example.com>", IdentityTerms.None).Text);
    }

    [Fact]
    public void Redact_FindsAPercentEncodedAtInAMailtoUrl()
    {
        Assert.Equal("[写信](mailto:■■)", Terms.Redact("[写信](mailto:xiaomei%40example.org)", IdentityTerms.None).Text);
    }

    [Theory]
    [InlineData("xiaomei＠example.org")]
    [InlineData("ｘｉａｏｍｅｉ＠ｅｘａｍｐｌｅ．ｏｒｇ")]
    [InlineData("xiao\u200Bmei@example.org")]
    [InlineData("**xiao**mei@example.org")]
    [InlineData("xiaomei\\@example.org")]
    public void Redact_FindsAnyAddressWrittenWithFullWidthOrHiddenCharacters(string written)
    {
        Assert.Equal("邮箱：■■。", Terms.Redact($"邮箱：{written}。", IdentityTerms.None).Text);
    }

    [Theory]
    [InlineData("xiaomei at example.org")]
    [InlineData("Xiaomei AT Example.org")]
    [InlineData("xiaomei(at)example.org")]
    [InlineData("xiaomei (at) example.org")]
    [InlineData("xiaomei[at]example.org")]
    [InlineData("xiaomei [AT] example.org")]
    [InlineData("xiaomei（at）example.org")]
    [InlineData("xiaomei#example.org")]
    [InlineData("xiaomei at example dot org")]
    [InlineData("xiaomei[at]example[dot]org")]
    [InlineData("xiaomei@example。org")]
    public void Redact_FindsTheGivenAddressBehindAtObfuscations(string written)
    {
        var redaction = Terms.Redact($"邮箱：{written}。", GivenEmail);

        Assert.Equal("邮箱：■■。", redaction.Text);
        Assert.Equal([RedactionKind.Email], redaction.Kinds);
    }

    [Theory]
    [InlineData("other at example.org")]
    [InlineData("xiaomei at home")]
    [InlineData("bxiaomei at example.org")]
    [InlineData("xiaomei at example.organic")]
    [InlineData("xiaomei\nat example.org")]
    public void Redact_LeavesObfuscatedAddressesThatAreNotGivenAlone(string text)
    {
        Terms.AssertUntouched(text, GivenEmail);
    }

    [Fact]
    public void Redact_LeavesTextWithoutAddressesAlone()
    {
        Terms.AssertUntouched("我在 @老师 的帮助下，用 C# 写了 a.b 程序，邮件 at 10 点发出。", GivenEmail);
    }
}
