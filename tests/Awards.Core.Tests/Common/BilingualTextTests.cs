using Awards.Core.Common;

namespace Awards.Core.Tests.Common;

public class BilingualTextTests
{
    private static readonly BilingualText Name = new("创新奖", "Innovation Award");

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("EN-gb")]
    public void For_English_ReturnsTheEnglishText(string culture)
    {
        Assert.Equal("Innovation Award", Name.For(culture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void For_English_FallsBackToChineseWhenEnglishIsBlank(string english)
    {
        var text = new BilingualText("创新奖", english);

        Assert.Equal("创新奖", text.For("en"));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh")]
    [InlineData("")]
    public void For_NonEnglishCulture_ReturnsTheChineseText(string culture)
    {
        Assert.Equal("创新奖", Name.For(culture));
    }
}
