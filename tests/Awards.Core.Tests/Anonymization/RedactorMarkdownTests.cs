using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

/// <summary>
/// Judges read the Markdown rendered: character references decoded, code spans, links and escapes
/// joined into one text. Whatever that text shows must be redacted as if it had been typed plainly.
/// </summary>
public class RedactorMarkdownTests
{
    [Theory]
    [InlineData("作者：&#x5F20;&#x5C0F;&#x6885;。", "作者：■■。")]
    [InlineData("作者：&#24352;&#23567;&#26757;。", "作者：■■。")]
    [InlineData("作者：张&#x5C0F;梅。", "作者：■■。")]
    [InlineData("作者：`张`小`梅`。", "作者：■■。")]
    [InlineData("作者：`张`小梅。", "作者：■■。")]
    [InlineData("作者：`张小梅`。", "作者：`■■`。")]
    [InlineData("作者：[张小](https://example.com)梅。", "作者：■■。")]
    [InlineData("作者：[张小][r]梅。\n\n[r]: https://example.com", "作者：■■。\n\n[r]: https://example.com")]
    [InlineData("作者：张小&nbsp;梅。", "作者：■■。")]
    [InlineData("By Zhang&#32;Xiaomei.", "By ■■.")]
    [InlineData("By Zh&#97;ng Xiaomei.", "By ■■.")]
    [InlineData("By &#90;hang Xiaomei.", "By ■■.")]
    public void Redact_FindsANameThatMarkdownJoinsOrDecodes(string text, string expected)
    {
        var redaction = Terms.Redact(text, Terms.Author);

        Assert.Equal(expected, redaction.Text);
        Assert.Equal(1, redaction.Count);
        Assert.Equal([RedactionKind.Name], redaction.Kinds);
    }

    [Theory]
    [InlineData("电话 138&#48;0000004。")]
    [InlineData("电话 `138`00000004。")]
    [InlineData("电话 [138](https://example.com)00000004。")]
    [InlineData("电话 &#x31;&#x33;&#x38;00000004。")]
    [InlineData("电话 138\\00000004。")]
    public void Redact_FindsAPhoneNumberThatMarkdownJoinsOrDecodes(string text)
    {
        var redaction = Terms.Redact(text, IdentityTerms.None);

        Assert.Equal("电话 ■■。", redaction.Text);
        Assert.Equal([RedactionKind.Phone], redaction.Kinds);
    }

    [Theory]
    [InlineData("邮件：author.he&#64;demo.example。")]
    [InlineData("邮件：author.he&commat;demo.example。")]
    [InlineData("邮件：`author.he`@demo.example。")]
    [InlineData("邮件：[author.he](https://example.com)@demo&period;example。")]
    public void Redact_FindsAnAddressThatMarkdownJoinsOrDecodes(string text)
    {
        var redaction = Terms.Redact(text, Terms.Emails("author.he@demo.example"));

        Assert.Equal("邮件：■■。", redaction.Text);
        Assert.Equal([RedactionKind.Email], redaction.Kinds);
    }

    [Fact]
    public void Redact_FindsAUnitWhoseNameIsWrittenAsCharacterReferences()
    {
        var redaction = Terms.Redact("来自&#38738;&#23665;&#21439;。", Terms.Author);

        Assert.Equal("来自■■。", redaction.Text);
        Assert.Equal([RedactionKind.Unit], redaction.Kinds);
    }

    [Fact]
    public void Redact_FindsANameInALinkDestinationWrittenAsCharacterReferences()
    {
        Assert.Equal("[主页](■■)", Terms.Redact("[主页](https://example.org/&#x5F20;&#x5C0F;&#x6885;)", Terms.Author).Text);
    }

    [Fact]
    public void Redact_CountsEachHiddenSignatureOnce()
    {
        var redaction = Terms.Redact("&#x5F20;&#x5C0F;&#x6885;，`138`00138000，[xiaomei](x)&#64;example.org", Terms.Author);

        Assert.Equal("■■，■■，■■", redaction.Text);
        Assert.Equal(3, redaction.Count);
        Assert.Equal([RedactionKind.Name, RedactionKind.Email, RedactionKind.Phone], redaction.Kinds);
    }

    [Theory]
    [InlineData("&amp;#x674E;&amp;#x5A1C;")]
    [InlineData("`&#x674E;&#x5A1C;`")]
    [InlineData("李\\[娜")]
    [InlineData("- 李\n- 娜")]
    [InlineData("| 李 | 娜 |\n| --- | --- |\n| 1 | 2 |")]
    [InlineData("李\n\n娜")]
    [InlineData("&lt;李&gt; &copy; 2024 `code` [link](https://example.org) 娜")]
    public void Redact_LeavesMarkdownThatShowsNoTermAlone(string text)
    {
        Terms.AssertUntouched(text, Terms.Names("李娜"));
    }

    [Fact]
    public void Redact_KeepsTheRestOfAParagraphWithCodeAndLinks()
    {
        Assert.Equal(
            "第一段 `代码` 和 [链接](https://example.org)。\n\n> 引用里的■■。",
            Terms.Redact("第一段 `代码` 和 [链接](https://example.org)。\n\n> 引用里的`张`&#x5C0F;梅。", Terms.Author).Text);
    }
}
