using Awards.Core.Common;
using Awards.Core.Contests;

namespace Awards.Core.Tests.Contests;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("石扶组〔2026〕3号", "石扶组〔2026〕3号")]
    [InlineData("  清扶贫办发〔2026〕12号 ", "清扶贫办发〔2026〕12号")]
    [InlineData("石扶组[2026]3号", "石扶组〔2026〕3号")]
    [InlineData("石扶组（2026）3号", "石扶组〔2026〕3号")]
    [InlineData("石扶组【２０２６】３号", "石扶组〔2026〕3号")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_WritesTheYearInSixCornerBrackets_AsGbT9704Does(string? typed, string printed) =>
        Assert.Equal(printed, DocumentNumber.Normalize(typed));

    [Theory]
    [InlineData("3号")]
    [InlineData("石扶组2026年3号")]
    [InlineData("石扶组〔2026〕第3号")]
    [InlineData("石扶组〔2026〕003号")]
    [InlineData("石扶组〔26〕3号")]
    [InlineData("石扶组〔2026）3号")]
    [InlineData("石扶组〔2026〕3")]
    [InlineData("<b>石扶组</b>〔2026〕3号")]
    [InlineData("石扶组〔2026〕3号\n附件")]
    [InlineData("很长很长很长很长很长很长很长很长很长很长很长的代字〔2026〕3号")]
    public void Normalize_RefusesWhatIsNotADocumentNumber_WithTheRulesMessage(string typed)
    {
        var refused = Assert.Throws<DomainException>(() => DocumentNumber.Normalize(typed));
        Assert.Equal(DocumentNumber.FormMessage, refused.MessageKey);
    }
}
