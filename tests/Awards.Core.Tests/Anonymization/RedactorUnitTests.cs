using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

public class RedactorUnitTests
{
    private static readonly IdentityTerms County = Terms.Units("青山县");

    [Fact]
    public void Redact_FindsAChineseUnitInsideLongerText()
    {
        var redaction = Terms.Redact("我在青山县第一中学任教。", County);

        Assert.Equal("我在■■第一中学任教。", redaction.Text);
        Assert.Equal([RedactionKind.Unit], redaction.Kinds);
    }

    [Fact]
    public void Redact_DoesNotRedactAShortFormOfAUnit()
    {
        Terms.AssertUntouched("青山绿水就是金山银山，青山人民勤劳。", County);
    }

    [Theory]
    [InlineData("国网清河供电公司")]
    [InlineData("国网 清河 供电公司")]
    [InlineData("国网**清河**供电公司")]
    [InlineData("国网\u3000清河供电\u200B公司")]
    public void Redact_FindsAUnitAcrossWhiteSpaceAndEmphasis(string written)
    {
        Assert.Equal("单位：■■。", Terms.Redact($"单位：{written}。", Terms.Units("国网清河供电公司")).Text);
    }

    [Fact]
    public void Redact_DoesNotRedactAGivenNameOfAUnit()
    {
        Terms.AssertUntouched("清河供电公司", Terms.Units("国网清河供电公司"));
    }

    [Theory]
    [InlineData("Qingshan County")]
    [InlineData("QINGSHAN county")]
    [InlineData("Qingshan-County")]
    [InlineData("Qingshan\u3000County")]
    [InlineData("ＱＩＮＧＳＨＡＮ Ｃｏｕｎｔｙ")]
    public void Redact_FindsAnEnglishUnitCaseInsensitively(string written)
    {
        Assert.Equal("from ■■.", Terms.Redact($"from {written}.", Terms.Units("Qingshan County")).Text);
    }

    [Theory]
    [InlineData("County Qingshan")]
    [InlineData("Qingshan Countyside")]
    [InlineData("the Qingshan hills")]
    public void Redact_FindsAnEnglishUnitOnlyWholeAndInOrder(string text)
    {
        Terms.AssertUntouched(text, Terms.Units("Qingshan County"));
    }

    [Theory]
    [InlineData("Shimen City (county-level)", "I work in Shimen City.", "I work in ■■.")]
    [InlineData("Shimen City (county-level)", "I work in Shimen City (county-level).", "I work in ■■.")]
    [InlineData("Shimen City(county-level)", "Shimen City, 2024", "■■, 2024")]
    [InlineData("石门市（县级）", "我在石门市工作。", "我在■■工作。")]
    [InlineData("石门市（县级）", "我在石门市（县级）工作。", "我在■■工作。")]
    [InlineData("石门市(县级)", "我在石门市工作。", "我在■■工作。")]
    [InlineData("国网石门（县）供电公司", "国网石门供电公司", "■■")]
    public void Redact_FindsAUnitWithoutItsParentheticalQualifier(string unit, string text, string expected)
    {
        var redaction = Terms.Redact(text, Terms.Units(unit));

        Assert.Equal(expected, redaction.Text);
        Assert.Equal(1, redaction.Count);
    }

    [Theory]
    [InlineData("石门市", "我在石門市工作。")]
    [InlineData("石門市", "我在石门市工作。")]
    [InlineData("石门市（县级）", "我在石門市（縣級）工作。")]
    [InlineData("国网清河供电公司", "國網清河供電公司")]
    public void Redact_FindsAUnitInTraditionalOrSimplifiedCharacters(string unit, string text)
    {
        var redaction = Terms.Redact(text, Terms.Units(unit));

        Assert.Equal(1, redaction.Count);
        Assert.DoesNotContain("石", redaction.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("河", redaction.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_DoesNotFindAShortFormOfATraditionalUnit()
    {
        Terms.AssertUntouched("石門和石门都是门", Terms.Units("石门市"));
    }

    [Fact]
    public void Redact_DoesNotRedactTheQualifierOfAUnitAlone()
    {
        Terms.AssertUntouched("county-level cities and 县级 units", Terms.Units("Shimen City (county-level)", "石门市（县级）"));
    }
}
