using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Exports.Anthology.AnthologyFixture;

namespace Awards.Core.Tests.Exports.Anthology;

/// <summary>
/// The deeds of the winning nominees, written as the anthology: its own cover title, and no level
/// heading that only repeats the award's name (a nominated award has one level named as itself).
/// </summary>
public class DeedsBookTests
{
    private static readonly IReadOnlyList<AnthologyTheme> Awards =
    [
        new("创新奖", [new AnthologyLevel("创新奖", [Essay(1, 400), Essay(2, 400)])]),
        new("两级奖项", [new AnthologyLevel("一等奖", [Essay(3, 400)]), new AnthologyLevel("二等奖", [Essay(4, 400)])]),
    ];

    [Fact]
    public void TheDeeds_HaveTheirCoverTitle_AndNoLevelHeadingThatRepeatsTheAward_AndTheContentsStillLinkEachHeading()
    {
        var docx = Deeds(Awards, Contest());
        AssertValid(docx);
        using var document = Open(docx);
        Assert.Equal(Contest().Name + AnthologyBook.Deeds.CoverTitle, document.PackageProperties.Title);
        Assert.Contains(Paragraphs(document), p => Text(p) == "获奖先进事迹选编");
        Assert.DoesNotContain(Paragraphs(document), p => Text(p) == AnthologyDocument.CoverTitle);

        Assert.Equal(
            [("Heading1", "创新奖"), ("Heading2", EssayTitle(1)), ("Heading2", EssayTitle(2)), ("Heading1", "两级奖项"), ("Heading2", "一等奖"), ("Heading3", EssayTitle(3)), ("Heading2", "二等奖"), ("Heading3", EssayTitle(4))],
            Headings(document).Where(h => h.Style is "Heading1" or "Heading2" or "Heading3"));

        // The contents list the same headings, each linking to its own bookmark.
        var contents = Paragraphs(document).Where(p => Style(p) is "TOC1" or "TOC2" or "TOC3").ToList();
        var headings = Paragraphs(document).Where(p => Style(p) is "Heading1" or "Heading2" or "Heading3").ToList();
        Assert.Equal(headings.Count, contents.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            Assert.Equal(contents[i].Descendants<Hyperlink>().Single().Anchor!.Value, headings[i].Elements<BookmarkStart>().Single().Name!.Value);
        }
    }

    [Fact]
    public void AWinnerRightUnderTheAward_IsOneHeadingLevelBelowIt_InTheOutlineAndTheContents_AndTheDeedsOwnHeadingsBelowThat()
    {
        // Every nominated award has one level named as itself: award, winner, the deeds' sections, no level skipped.
        IReadOnlyList<AnthologyTheme> awards =
        [
            new("创新奖", [new AnthologyLevel("创新奖", [Essay(1, 400), Essay(2, 400)])]),
            new("奋进奖", [new AnthologyLevel("奋进奖", [Essay(3, 400)])]),
        ];
        var docx = Deeds(awards, Contest());
        AssertValid(docx);
        using var document = Open(docx);

        var outline = Headings(document).Select(h => (Level: int.Parse(h.Style["Heading".Length..], System.Globalization.CultureInfo.InvariantCulture), h.Text)).ToList();
        Assert.Equal([(1, "创新奖"), (2, EssayTitle(1))], outline.Take(2));
        Assert.Contains((2, EssayTitle(3)), outline);
        for (var i = 1; i < outline.Count; i++)
        {
            Assert.True(outline[i].Level <= outline[i - 1].Level + 1, $"{outline[i].Text} (level {outline[i].Level}) comes right after level {outline[i - 1].Level}.");
        }

        // The contents indent each winner one step under the award, and Word's rebuilt contents go as deep, no deeper.
        var contents = Paragraphs(document).Where(p => Style(p) is "TOC1" or "TOC2" or "TOC3").Select(p => (Style(p), Text(p))).ToList();
        Assert.Equal([("TOC1", "创新奖"), ("TOC2", EssayTitle(1) + Author(1)), ("TOC2", EssayTitle(2) + Author(2)), ("TOC1", "奋进奖"), ("TOC2", EssayTitle(3) + Author(3))], contents);
        Assert.Equal("TOC \\o \"1-2\" \\h \\z \\u", Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<FieldCode>()).Text.Trim());
    }

    [Fact]
    public void ProposedDeeds_SayTheyAreProposedNominees_OnTheCover()
    {
        using var document = Open(Deeds(Awards, Contest(isFinal: false)));
        Assert.Contains(Paragraphs(document), p => Text(p) == AnthologyBook.Deeds.DraftLine);
        Assert.DoesNotContain(Paragraphs(document), p => Text(p) == AnthologyDocument.DraftLine);
    }

    private static byte[] Deeds(IReadOnlyList<AnthologyTheme> awards, ExportContest contest)
    {
        using var output = new MemoryStream();
        AnthologyDocument.Write(output, contest, string.Empty, awards, AnthologyBook.Deeds);
        return output.ToArray();
    }
}
