using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

/// <summary>The pinyin of a name given in Chinese characters only.</summary>
public class RedactorPinyinTests
{
    private static readonly IdentityTerms HeChunsheng = Terms.Names("何春生");

    [Theory]
    [InlineData("He Chunsheng")]
    [InlineData("Chunsheng He")]
    [InlineData("HE Chunsheng")]
    [InlineData("hechunsheng")]
    [InlineData("HeChunsheng")]
    [InlineData("He Chun-sheng")]
    [InlineData("Chun Sheng HE")]
    [InlineData("Hé Chūnshēng")]
    [InlineData("ＨＥ Ｃｈｕｎｓｈｅｎｇ")]
    public void Redact_FindsThePinyinOfAChineseName(string written)
    {
        var redaction = Terms.Redact($"An essay by {written}, a teacher.", HeChunsheng);

        Assert.Equal("An essay by ■■, a teacher.", redaction.Text);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("He went home in spring.")]
    [InlineData("Chunsheng is a common name.")]
    [InlineData("He Chunming and Li Chunsheng")]
    [InlineData("Hechunshengs")]
    [InlineData("He Chuns heng")]
    public void Redact_FindsThePinyinOfAChineseNameOnlyWholeAndOnWordBoundaries(string text)
    {
        Terms.AssertUntouched(text, HeChunsheng);
    }

    [Fact]
    public void Redact_FindsThePinyinOfATraditionalName()
    {
        Assert.Equal("by ■■", Terms.Redact("by Zhang Xiaomei", Terms.Names("張小梅")).Text);
    }

    [Fact]
    public void Redact_FindsThePinyinAfterACompoundSurname()
    {
        var names = Terms.Names("欧阳小梅");

        Assert.Equal("■■, ■■, ■■", Terms.Redact("Ouyang Xiaomei, Xiaomei OUYANG, Ou-yang Xiao-mei", names).Text);
        Terms.AssertUntouched("Yang Xiaomei", names);
    }

    [Theory]
    [InlineData("单小梅", "Shan Xiaomei")]
    [InlineData("单小梅", "Dan Xiaomei")]
    [InlineData("曾小梅", "Zeng Xiaomei")]
    [InlineData("乐小梅", "Yue Xiaomei")]
    [InlineData("仇小梅", "Qiu Xiaomei")]
    [InlineData("朴小梅", "Piao Xiaomei")]
    [InlineData("尉迟小梅", "Yuchi Xiaomei")]
    [InlineData("万俟小梅", "Xiaomei Moqi")]
    [InlineData("长孙小梅", "Zhangsun Xiaomei")]
    [InlineData("单于小梅", "Chanyu Xiaomei")]
    [InlineData("王长江", "Wang Changjiang")]
    [InlineData("王长江", "Wang Zhangjiang")]
    public void Redact_FindsTheSurnameReadingAndEveryReadingOfAPolyphonicCharacter(string name, string written)
    {
        Assert.Equal("by ■■.", Terms.Redact($"by {written}.", Terms.Names(name)).Text);
    }

    [Fact]
    public void Redact_DoesNotReadACompoundSurnameCharacterByCharacter()
    {
        Terms.AssertUntouched("Changsun Xiaomei", Terms.Names("长孙小梅"));
    }

    [Theory]
    [InlineData("Lü Xiaomei")]
    [InlineData("Lǚ Xiaomei")]
    [InlineData("Lu Xiaomei")]
    [InlineData("Lv Xiaomei")]
    [InlineData("LYU Xiaomei")]
    [InlineData("Xiaomei Lyu")]
    public void Redact_FindsTheWaysPeopleTypeUUmlaut(string written)
    {
        Assert.Equal("by ■■.", Terms.Redact($"by {written}.", Terms.Names("吕小梅")).Text);
    }

    [Fact]
    public void Redact_FindsTheUsualReadingsOfANameWithManyPolyphonicCharacters()
    {
        // 单 shan/dan/chan, 长 zhang/chang, 乐 le/yue, 朴 pu/piao/po: 36 spellings, of which the
        // most usual are kept, with the surname reading among them.
        var names = Terms.Names("单长乐朴");

        Assert.Equal("■■, ■■", Terms.Redact("Shan Zhanglepu, Dan Changlepu", names).Text);
        Terms.AssertUntouched("Chan Changyuepo", names);
    }

    [Fact]
    public void Redact_AddsNoPinyinForUnitsOrLongTranscribedNames()
    {
        Terms.AssertUntouched("Shimenshi, Shi Men Shi", Terms.Units("石门市"));
        Terms.AssertUntouched("Abudu Rehe Man", Terms.Names("阿卜杜·热合曼"));
    }
}
