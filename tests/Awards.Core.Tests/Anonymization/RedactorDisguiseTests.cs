using Awards.Core.Anonymization;
using Awards.Core.Common;

namespace Awards.Core.Tests.Anonymization;

/// <summary>
/// Names and numbers written so that they look the same to a judge but differ in the text: the
/// emphasis extras' markup, which renders as superscript, highlight or insertion; dashes between
/// a phone number's digits; Kangxi radicals and CJK compatibility ideographs.
/// </summary>
public class RedactorDisguiseTests
{
    [Theory]
    [InlineData("作者：张^小^梅。")]
    [InlineData("作者：张==小==梅。")]
    [InlineData("作者：张++小++梅。")]
    public void ANameSplitByTheEmphasisExtras_IsRedacted_AsTheJudgeWouldReadIt(string written)
    {
        var redaction = Terms.Redact(written, Terms.Author);

        var shown = Markdig.Markdown.ToPlainText(redaction.Text, SiteMarkdown.Pipeline);
        Assert.DoesNotContain("张", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("梅", shown, StringComparison.Ordinal);
        Assert.Contains(Redactor.Mark, shown, StringComparison.Ordinal);
        Assert.Contains(RedactionKind.Name, redaction.Kinds);
    }

    [Theory]
    [InlineData("138—0013—8000")]
    [InlineData("138 — 0013 — 8000")]
    [InlineData("138―0013―8000")]
    [InlineData("138−0013−8000")]
    public void APhoneNumberWithDashesBetweenItsDigits_IsRedacted(string written)
    {
        Assert.Equal("电话：■■。", Terms.Redact($"电话：{written}。", IdentityTerms.None).Text);
    }

    [Theory]
    [InlineData("作者：\uF9E1小梅。", "李小梅", "作者：■■。")]
    [InlineData("单位：\u2F6F门市。", "石门市", "单位：■■。")]
    public void ANameWithACompatibilityIdeographOrAKangxiRadical_IsRedactedWhole(string written, string name, string redacted)
    {
        Assert.Equal(redacted, Terms.Redact(written, Terms.Names(name)).Text);
    }
}
