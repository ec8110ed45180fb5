using Awards.Core.Entries;

namespace Awards.Core.Tests.Entries;

public class NomineeNamesTests
{
    [Theory]
    [InlineData("张三", "张 三")]
    [InlineData("张三", " 张\u3000三 ")]
    [InlineData("张三", "张\u200B三")]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉•买买提")]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉・买买提")]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉．买买提")]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉 · 买买提")]
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉买买提")]
    [InlineData("Li Ming", "ＬＩ　ＭＩＮＧ")]
    public void TheSamePerson_TypedTwoWays_HasOneKey(string one, string other) =>
        Assert.Equal(NomineeNames.Key(one), NomineeNames.Key(other));

    [Theory]
    [InlineData("张三", "张山")]
    [InlineData("张三", "张三丰")]
    public void DifferentNames_KeepDifferentKeys(string one, string other) =>
        Assert.NotEqual(NomineeNames.Key(one), NomineeNames.Key(other));
}
