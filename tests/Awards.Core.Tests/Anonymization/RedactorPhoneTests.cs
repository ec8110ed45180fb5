using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

public class RedactorPhoneTests
{
    private static readonly IdentityTerms GivenPhone = Terms.Phones(Terms.Phone);
    private static readonly IdentityTerms GivenLandline = Terms.Phones("0571-88886666");

    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("138.0013.8000")]
    [InlineData("(138) 0013-8000")]
    [InlineData("138 - 0013 - 8000")]
    [InlineData("1 3 8 0 0 1 3 8 0 0 0")]
    [InlineData("138\u00A00013\u30008000")]
    [InlineData("１３８ ００１３ ８０００")]
    [InlineData("（１３８）００１３－８０００")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+86-13800138000")]
    [InlineData("(+86) 138 0013 8000")]
    [InlineData("0086 138 0013 8000")]
    [InlineData("8613800138000")]
    [InlineData("＋８６ １３８００１３８０００")]
    [InlineData("**138**00138000")]
    public void Redact_FindsTheGivenPhoneWithAnySeparatorsAndCountryCode(string written)
    {
        var redaction = Terms.Redact($"电话：{written}。", GivenPhone);

        Assert.Equal("电话：■■。", redaction.Text);
        Assert.Equal(1, redaction.Count);
        Assert.Equal([RedactionKind.Phone], redaction.Kinds);
    }

    [Theory]
    [InlineData("0571-88886666")]
    [InlineData("(0571) 8888 6666")]
    [InlineData("0571 8888-6666")]
    [InlineData("+86 571 8888 6666")]
    [InlineData("8888-6666")]
    public void Redact_FindsAGivenLandlineWithOrWithoutTheAreaCode(string written)
    {
        Assert.Equal("电话：■■。", Terms.Redact($"电话：{written}。", GivenLandline).Text);
    }

    [Fact]
    public void Redact_LeavesTheLandlineWithoutTrunkZeroAloneWithoutACountryCode()
    {
        Terms.AssertUntouched("编号 57188886666 号", GivenLandline);
    }

    [Theory]
    [InlineData("13912345678")]
    [InlineData("199 1234 5678")]
    [InlineData("+86 177-1234-5678")]
    [InlineData("１５０１２３４５６７８")]
    public void Redact_RedactsEveryMainlandMobileNumberEvenWithoutTerms(string written)
    {
        Assert.Equal("联系我：■■", Terms.Redact($"联系我：{written}", IdentityTerms.None).Text);
    }

    [Theory]
    [InlineData("身份证号 110113800138000 已登记")]
    [InlineData("账号 621700138001380001")]
    [InlineData("编号 113800138000")]
    [InlineData("编号 138001380001")]
    [InlineData("订单号：2024138001380009")]
    public void Redact_LeavesALongerNumberThatContainsAPhoneUntouched(string text)
    {
        Terms.AssertUntouched(text, GivenPhone);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1380013800")]
    [InlineData("2024 年 3 月 8 日，共 1380 人")]
    [InlineData("10086 和 110")]
    [InlineData("圆周率 3.1415926535897932")]
    [InlineData("138\n0013\n8000")]
    [InlineData("138，0013，8000")]
    public void Redact_LeavesNumbersThatAreNoMobileNumberUntouched(string text)
    {
        Terms.AssertUntouched(text, GivenPhone);
    }

    [Fact]
    public void Redact_FindsAPhoneSeparatedFromOtherNumbersBySpace()
    {
        var redaction = Terms.Redact("2024 13800138000 13912345678", IdentityTerms.None);

        Assert.Equal("2024 ■■ ■■", redaction.Text);
        Assert.Equal(2, redaction.Count);
    }

    [Fact]
    public void Redact_IgnoresGivenPhonesThatAreTooShort()
    {
        Terms.AssertUntouched("拨打 110 或 12345", Terms.Phones("110", "12345", "", null!));
    }

    [Theory]
    [InlineData("一三八〇〇一三八〇〇〇")]
    [InlineData("一三八零零一三八零零零")]
    [InlineData("一三八 〇〇一三 八〇〇〇")]
    [InlineData("一三八-〇〇一三-八〇〇〇")]
    [InlineData("一、三、八、〇、〇、一、三、八、〇、〇、〇")]
    [InlineData("壹叁捌零零壹叁捌零零零")]
    [InlineData("壹參捌零零壹參捌零零零")]
    [InlineData("幺三八洞洞幺三八洞洞洞")]
    [InlineData("138〇〇一三八000")]
    [InlineData("＋八六 一三八〇〇一三八〇〇〇")]
    public void Redact_FindsTheGivenPhoneInChineseNumerals(string written)
    {
        var redaction = Terms.Redact($"电话：{written}。", GivenPhone);

        Assert.Equal("电话：■■。", redaction.Text);
        Assert.Equal([RedactionKind.Phone], redaction.Kinds);
    }

    [Fact]
    public void Redact_FindsAGivenLandlineInChineseNumerals()
    {
        Assert.Equal("电话：■■。", Terms.Redact("电话：八八八八六六六六。", GivenLandline).Text);
    }

    [Theory]
    [InlineData("一三五七九，二四六八十。")]
    [InlineData("号码是一三九〇〇一三八〇〇〇。")]
    [InlineData("编号一三八〇〇一三八〇〇〇一。")]
    [InlineData("一三八〇〇一三八〇〇〇")]
    public void Redact_LeavesChineseNumeralsThatAreNotTheGivenPhoneAlone(string text)
    {
        Terms.AssertUntouched(text, text.StartsWith('一') ? IdentityTerms.None : GivenPhone);
    }
}
