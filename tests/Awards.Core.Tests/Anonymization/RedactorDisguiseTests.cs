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

    [Theory]
    [InlineData("何、春、生")]
    [InlineData("何.春.生")]
    [InlineData("何/春/生")]
    [InlineData("何 春 生")]
    [InlineData("何-春-生")]
    [InlineData("何 、 春 、 生")]
    [InlineData("何★春★生")]
    [InlineData("何。春。生")]
    public void ANameWithTheSameMarkBetweenEveryTwoOfItsCharacters_IsRedacted(string written)
    {
        var redaction = Terms.Redact($"作者：{written}。", Terms.Names("何春生"));

        Assert.Equal("作者：■■。", redaction.Text);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("李/娜", "李娜")]
    [InlineData("青、山、县", "青山县")]
    public void AShortNameOrAUnitSpelledOut_IsRedacted(string written, string term)
    {
        Assert.Equal("来自■■。", Terms.Redact($"来自{written}。", Terms.Names(term)).Text);
    }

    [Theory]
    [InlineData("老李、娜娜和小王都来了。", "李娜")]
    [InlineData("“李”“娜”两个字都常见。", "李娜")]
    [InlineData("孟春、生机勃勃的田野。", "何春生")]
    [InlineData("任何、春季，生产都没有停。", "何春生")]
    [InlineData("他问：为何？春天，生活好了吗？", "何春生")]
    public void OrdinaryTextWithMarksBetweenTheCharactersOfAName_IsLeftAlone(string text, string name)
    {
        Terms.AssertUntouched(text, Terms.Names(name));
    }

    [Theory]
    [InlineData("H e C h u n s h e n g")]
    [InlineData("H e  C h u n s h e n g")]
    [InlineData("H.e.C.h.u.n.s.h.e.n.g")]
    [InlineData("H. e. C. h. u. n. s. h. e. n. g")]
    [InlineData("C-h-u-n-s-h-e-n-g H-e")]
    [InlineData("h/e/c/h/u/n/s/h/e/n/g")]
    public void APinyinNameWithSomethingBetweenEveryTwoLetters_IsRedacted(string written)
    {
        var redaction = Terms.Redact($"An essay by {written}, a teacher.", Terms.Names("何春生"));

        Assert.Equal("An essay by ■■, a teacher.", redaction.Text);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("He Chuns heng.")]
    [InlineData("T h e r e was He, and Chunsheng.")]
    [InlineData("S h e n g and Chun and He.")]
    public void PinyinNotSpelledOutLetterByLetterThroughout_IsLeftAlone(string text)
    {
        Terms.AssertUntouched(text, Terms.Names("何春生"));
    }

    [Theory]
    [InlineData("\u041De Chunsheng")]
    [InlineData("H\u0435 Chunsh\u0435ng")]
    [InlineData("\u0397\u03B5 Chunsheng")]
    [InlineData("𝐇𝐞 𝐂𝐡𝐮𝐧𝐬𝐡𝐞𝐧𝐠")]
    [InlineData("𝕳𝖊 𝕮𝖍𝖚𝖓𝖘𝖍𝖊𝖓𝖌")]
    [InlineData("𝙷𝚎 𝙲𝚑𝚞𝚗𝚜𝚑𝚎𝚗𝚐")]
    [InlineData("ʜᴇ ᴄʜᴜɴꜱʜᴇɴɢ")]
    [InlineData("Ⓗⓔ Ⓒⓗⓤⓝⓢⓗⓔⓝⓖ")]
    [InlineData("🄷🄴 🄲🄷🅄🄽🅂🄷🄴🄽🄶")]
    [InlineData("𝐇 𝐞 𝐂 𝐡 𝐮 𝐧 𝐬 𝐡 𝐞 𝐧 𝐠")]
    public void APinyinNameInLettersThatLookLatin_IsRedactedWhereItIsWritten(string written)
    {
        var redaction = Terms.Redact($"An essay by {written}, a teacher.", Terms.Names("何春生"));

        Assert.Equal("An essay by ■■, a teacher.", redaction.Text);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("𝐀𝐇𝐞 𝐂𝐡𝐮𝐧𝐬𝐡𝐞𝐧𝐠")]
    [InlineData("𝐇𝐞 𝐂𝐡𝐮𝐧𝐬𝐡𝐞𝐧𝐠𝐬")]
    [InlineData("Не знаю, Chunsheng.")]
    public void LettersThatLookLatin_StillMatchOnlyAWholeName(string text)
    {
        Terms.AssertUntouched(text, Terms.Names("何春生"));
    }

    [Theory]
    [InlineData("单位：石\u2ED4市。", "石门市", "单位：■■。")]
    [InlineData("作者：\u2EA9小梅。", "王小梅", "作者：■■。")]
    [InlineData("作者：张\u2E8C梅。", "张小梅", "作者：■■。")]
    [InlineData("作者：\u2EE2\u2ED8。", "马青", "作者：■■。")]
    [InlineData("作者：\u2ED1江。", "長江", "作者：■■。")]
    public void ANameWithARadicalOfTheSupplementThatLooksLikeItsCharacter_IsRedactedWhole(string written, string name, string redacted)
    {
        Assert.Equal(redacted, Terms.Redact(written, Terms.Names(name)).Text);
    }
}
