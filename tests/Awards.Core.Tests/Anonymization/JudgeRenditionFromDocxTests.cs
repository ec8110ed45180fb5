using Awards.Core.Anonymization;
using Awards.Core.Tests.Uploads;
using static Awards.Core.Tests.Uploads.DocxFixture;

namespace Awards.Core.Tests.Anonymization;

/// <summary>
/// SECURITY.md §1 end to end: an uploaded Word file with the author's identity planted in every
/// place a .docx hides it, and signed in the text, yields a judge rendition (converter, then
/// redactor) in which no byte names the author.
/// </summary>
public class JudgeRenditionFromDocxTests
{
    private static readonly IdentityTerms Author = new(["张小梅", "Zhang Xiaomei"], ["xiaomei@example.org"], ["13912345678"], ["青山县", "Qingshan County"]);

    private static readonly string[] Secrets = ["张小梅", "小梅", "Zhang Xiaomei", "Xiaomei", "xiaomei@example.org", "13912345678", "139 1234 5678", "青山县", "Qingshan County"];

    [Fact]
    public void TheJudgeRendition_OfADocxWithTheAuthorHiddenEverywhere_NamesNobody()
    {
        var converted = DocxFixture.Convert(DocxAnonymityTests.DocumentWithTheAuthorHiddenEverywhere());

        AssertAnonymous(Redactor.Redact(converted.Title ?? string.Empty, Author).Text + "\n" + Redactor.Redact(converted.Markdown, Author).Text);
        Assert.All(converted.Warnings, w => AssertAnonymous(w));
    }

    [Fact]
    public void TheJudgeRendition_OfADocxSignedInTheText_NamesNobody_AndIsFlagged()
    {
        var converted = DocxFixture.Convert(Create(
            Styled(TitleStyle, "张小梅：我的帮扶故事"),
            P("村口的老槐树又发了新芽。"),
            P(Bold("作者：张 小 梅"), R("（Zhang Xiaomei），青山县，电话 139 1234 5678，邮箱 XiaoMei@Example.org。")),
            P("——小梅 于青山县")));

        var title = Redactor.Redact(converted.Title!, Author);
        var body = Redactor.Redact(converted.Markdown, Author);

        AssertAnonymous(title.Text + "\n" + body.Text);
        Assert.Contains("村口的老槐树又发了新芽。", body.Text, StringComparison.Ordinal);
        Assert.True(title.Any && body.Count >= 6, $"title {title.Count}, body {body.Count}");
    }

    private static void AssertAnonymous(string judgeVisible)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, judgeVisible, StringComparison.OrdinalIgnoreCase);
        }
    }
}
