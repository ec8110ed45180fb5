using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

public class RedactorNameTests
{
    private static readonly IdentityTerms ChineseName = Terms.Names("张小梅");
    private static readonly IdentityTerms PinyinName = Terms.Names("Zhang Xiaomei");

    [Fact]
    public void Redact_FindsAChineseNameInsideLongerText()
    {
        var redaction = Terms.Redact("我叫张小梅，来自山区。", ChineseName);

        Assert.Equal("我叫■■，来自山区。", redaction.Text);
        Assert.Equal(1, redaction.Count);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
        Assert.True(redaction.Any);
    }

    [Theory]
    [InlineData("张 小梅")]
    [InlineData("张  小 梅")]
    [InlineData("张\t小梅")]
    [InlineData("张\u3000小\u3000梅")]
    [InlineData("张\u00A0小梅")]
    [InlineData("张\u200B小\u200B梅")]
    [InlineData("张\u2009小梅")]
    [InlineData("张·小梅")]
    public void Redact_FindsAChineseNameSeparatedByAnyWhiteSpace(string written)
    {
        Assert.Equal("作者：■■。", Terms.Redact($"作者：{written}。", ChineseName).Text);
    }

    [Theory]
    [InlineData("**张**小梅")]
    [InlineData("张*小*梅")]
    [InlineData("张__小梅__")]
    [InlineData("~~张~~小梅")]
    [InlineData("*张* **小** 梅")]
    public void Redact_FindsAChineseNameSplitByEmphasisMarkersAndTakesThePairedMarkers(string written)
    {
        Assert.Equal("作者：■■。", Terms.Redact($"作者：{written}。", ChineseName).Text);
    }

    [Fact]
    public void Redact_KeepsEmphasisAroundAWholeName()
    {
        Assert.Equal("**我是■■**，也是老师。", Terms.Redact("**我是张小梅**，也是老师。", ChineseName).Text);
    }

    [Fact]
    public void Redact_FindsTheGivenNameAloneForNamesOfThreeCharacters()
    {
        var redaction = Terms.Redact("大家都叫我小梅。", ChineseName);

        Assert.Equal("大家都叫我■■。", redaction.Text);
        Assert.Equal(1, redaction.Count);
    }

    [Fact]
    public void Redact_FindsTheGivenNameOfALongerNameAndAfterACompoundSurname()
    {
        Assert.Equal("■■和■■", Terms.Redact("阳小梅和小梅", Terms.Names("欧阳小梅")).Text);
    }

    [Fact]
    public void Redact_PlacesOneMarkForAFullNameThatContainsTheGivenName()
    {
        var redaction = Terms.Redact("张小梅", ChineseName);

        Assert.Equal(Redactor.Mark, redaction.Text);
        Assert.Equal(1, redaction.Count);
    }

    [Fact]
    public void Redact_MatchesTwoCharacterNamesOnlyWhole()
    {
        var names = Terms.Names("李娜");

        Assert.Equal("我是■■。", Terms.Redact("我是李娜。", names).Text);
        Assert.Equal("我是■■。", Terms.Redact("我是李 娜。", names).Text);
        Terms.AssertUntouched("娜娜和李老师", names);
    }

    [Fact]
    public void Redact_MatchesANameAcrossALineBreakOfAParagraphButNotAcrossAnEmptyLine()
    {
        Assert.Equal("■■\n■■", Terms.Redact("李\n娜", Terms.Names("李娜")).Text);
        Terms.AssertUntouched("李\n\n娜", Terms.Names("李娜"));
        Assert.Equal("张\n\n■■", Terms.Redact("张\n\n小梅", ChineseName).Text);
    }

    [Fact]
    public void Redact_IgnoresBlankAndOneCharacterNames()
    {
        Terms.AssertUntouched("张老师和 A 同学", Terms.Names(null!, "", "  ", "张", "A", "\u3000"));
    }

    [Fact]
    public void Redact_LeavesANameNotInTheTermsUntouched()
    {
        Terms.AssertUntouched("王大明和梅花，Wang Daming", Terms.Names("张小梅", "Zhang Xiaomei"));
    }

    [Fact]
    public void Redact_FindsANameWithACharacterOutsideTheBasicPlane()
    {
        Assert.Equal("我是■■。", Terms.Redact("我是𠮷 小梅。", Terms.Names("𠮷小梅")).Text);
        Assert.Equal("叫我■■", Terms.Redact("叫我小梅", Terms.Names("𠮷小梅")).Text);
    }

    [Theory]
    [InlineData("张小梅", "我是張小梅。", "我是■■。")]
    [InlineData("張小梅", "我是张小梅。", "我是■■。")]
    [InlineData("張小梅", "我是張 小梅。", "我是■■。")]
    [InlineData("歐陽小梅", "我是欧阳小梅，叫我小梅。", "我是■■，叫我■■。")]
    [InlineData("欧阳小梅", "我是歐陽小梅。", "我是■■。")]
    public void Redact_FindsANameInTraditionalOrSimplifiedCharactersWhicheverTheTermIsIn(string name, string text, string expected)
    {
        var redaction = Terms.Redact(text, Terms.Names(name));

        Assert.Equal(expected, redaction.Text);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Fact]
    public void Redact_KeepsTheTextsOwnCharactersAroundATraditionalName()
    {
        Assert.Equal("我們的老師■■說", Terms.Redact("我們的老師張小梅說", ChineseName).Text);
    }

    [Fact]
    public void Redact_DoesNotFoldACharacterThatHasSeveralSimplifiedForms()
    {
        // 乾 is simplified 干 in 乾燥 but stays 乾 in 乾坤: it is left as it is, so 干 does not find it.
        Terms.AssertUntouched("乾坤", Terms.Names("干坤"));
    }

    [Theory]
    [InlineData("Zhang Xiaomei")]
    [InlineData("Xiaomei Zhang")]
    [InlineData("ZHANG Xiaomei")]
    [InlineData("zhang xiaomei")]
    [InlineData("Zhang-Xiaomei")]
    [InlineData("ZhangXiaomei")]
    [InlineData("XiaomeiZHANG")]
    [InlineData("Zhang\u3000Xiaomei")]
    [InlineData("Zhang \u00A0 Xiaomei")]
    [InlineData("Zhang\tXiaomei")]
    [InlineData("ＺＨＡＮＧ Ｘｉａｏｍｅｉ")]
    [InlineData("Zhāng Xiǎoméi")]
    [InlineData("**Zhang** Xiaomei")]
    public void Redact_FindsAPinyinNameInEitherOrderAnyCaseAndAnyJoin(string written)
    {
        var redaction = Terms.Redact($"我是{written}，from the mountains.", PinyinName);

        Assert.Equal("我是■■，from the mountains.", redaction.Text);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("Zhangxiaomeiyu wrote this")]
    [InlineData("AZhang Xiaomei")]
    [InlineData("Zh ang Xiaomei")]
    [InlineData("Xiaomei alone")]
    [InlineData("Mr Zhang")]
    public void Redact_FindsPinyinOnlyOnWordBoundariesAndWhole(string text)
    {
        Terms.AssertUntouched(text, PinyinName);
    }

    [Fact]
    public void Redact_TakesDigitsAsAWordBoundaryForPinyin()
    {
        Assert.Equal("■■2024 and ■■", Terms.Redact("ZhangXiaomei2024 and 13800138000Zhang Xiaomei", Terms.Author).Text);
    }

    [Fact]
    public void Redact_NeverSplitsAPartOfAPinyinName()
    {
        var names = Terms.Names("Li Na");

        Terms.AssertUntouched("Lin A and Mali Nation", names);
        Assert.Equal("by ■■ and ■■.", Terms.Redact("by Li Na and Na Li.", names).Text);
    }

    [Fact]
    public void Redact_SplitsAPinyinTermWrittenInCamelCase()
    {
        Assert.Equal("by ■■", Terms.Redact("by Zhang Xiaomei", Terms.Names("ZhangXiaomei")).Text);
    }

    [Fact]
    public void Redact_FindsAllOrdersOfAThreePartName()
    {
        var names = Terms.Names("Mary Ann Smith");

        Assert.Equal("■■, ■■, ■■", Terms.Redact("Smith Mary Ann, Ann-Mary Smith, MaryAnn SMITH", names).Text);
    }
}
