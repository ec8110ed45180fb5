using Awards.Core.Exports;

namespace Awards.Core.Tests.Exports;

/// <summary>Amounts in capital numerals, as a payment sheet's total is written.</summary>
public class CapitalYuanTests
{
    [Theory]
    [InlineData(0, "零元整")]
    [InlineData(200, "贰佰元整")]
    [InlineData(1010, "壹仟零壹拾元整")]
    [InlineData(2005, "贰仟零伍元整")]
    [InlineData(10000, "壹万元整")]
    [InlineData(10005, "壹万零伍元整")]
    [InlineData(12050, "壹万贰仟零伍拾元整")]
    [InlineData(105000, "壹拾万伍仟元整")] // a zero in the 万 place may go unwritten (支付结算办法)
    [InlineData(100000005, "壹亿零伍元整")]
    [InlineData(231500, "贰拾叁万壹仟伍佰元整")]
    public void Of_WritesTheAmountAsAPaymentDocumentDoes(long yuan, string expected)
    {
        Assert.Equal(expected, CapitalYuan.Of(yuan));
    }

    [Fact]
    public void Of_RefusesANegativeAmount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CapitalYuan.Of(-1));
    }
}
