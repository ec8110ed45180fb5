using System.Text.RegularExpressions;
using Awards.Core.Exports.Anthology;
using Awards.Web.Cli;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The deeds of the winning nominees (获奖先进事迹选编): the Innovation Award and the
/// Organizational Innovation Award final, the Dedication Award on notice. Each winner's headline,
/// who they are and who nominated them, and the deeds as the unit wrote them; never the nominee's
/// contact details or the unit's opinion, which are for the organizer.
/// </summary>
public sealed class DeedsExportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (factory.WithDb(db => db.TrackResults.Any()))
        {
            return;
        }

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Judged.Score(factory, "innovation", [90, 90, 90]);
        await Judged.FinalizeAsync(factory, organizer, "innovation", 10);
        Judged.Score(factory, "org-innovation", [88, 88, 88]);
        await Judged.FinalizeAsync(factory, organizer, "org-innovation", 10);
        Judged.Score(factory, "dedication", [85, 85, 85]);
        await Judged.PublishAsync(factory, organizer, "dedication", 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheDeeds_NameEachWinner_WithTheirPositionAndNominatingUnit_AndTheirDeeds_ButNoContactOrOpinion()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var (bytes, fileName) = await ExportAsync(organizer, proposed: false);
        Assert.Contains("获奖先进事迹选编", fileName, StringComparison.Ordinal);
        Assert.DoesNotContain("-拟-", fileName, StringComparison.Ordinal);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        AssertValid(document);
        var paragraphs = Paragraphs(document);
        var body = string.Join("\n", paragraphs);
        Assert.Contains("获奖先进事迹选编", paragraphs);
        Assert.EndsWith("获奖先进事迹选编", document.PackageProperties.Title, StringComparison.Ordinal);

        var innovation = factory.WithDb(db => db.Entries.Single(e => db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "innovation") && e.Status != Core.Entries.EntryStatus.Draft));
        var qingshan = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Name.Zh);
        Assert.Contains("创新奖", paragraphs);
        Assert.Contains(innovation.Title, paragraphs);
        Assert.Contains($"李秀兰（青山县石桥镇副镇长） · 推荐单位：{qingshan}", paragraphs);
        var firstLine = innovation.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).First(l => !l.StartsWith('#')).Trim();
        Assert.Contains(Regex.Replace(firstLine, @"[*_`]", string.Empty)[..20], body, StringComparison.Ordinal);

        // For publishing: no telephone number, no recommending unit's opinion.
        Assert.DoesNotContain("0791-5550101", body, StringComparison.Ordinal);
        var opinion = innovation.RecommendationOpinion!.Trim();
        Assert.DoesNotContain(opinion[..Math.Min(20, opinion.Length)], body, StringComparison.Ordinal);

        // A unit that nominated itself is named once, without "nominated by".
        var liuxi = factory.WithDb(db => db.Units.Single(u => u.Code == "liuxi").Name.Zh);
        Assert.Contains(liuxi, paragraphs);
        Assert.Contains("组织创新奖", paragraphs);

        // Only final results, and no essays: the award on notice and the essay themes stay out.
        Assert.DoesNotContain("奉献奖", body, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", body, StringComparison.Ordinal);
        Assert.DoesNotContain("我的帮扶故事", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheResultsOnNotice_TheAwardOnNotice_IsMarked_AndTheCoverSaysSo()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var (bytes, fileName) = await ExportAsync(organizer, proposed: true);
        Assert.Contains("-拟-", fileName, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        AssertValid(document);
        var paragraphs = Paragraphs(document);
        Assert.Contains(AnthologyBook.Deeds.MixedLine, paragraphs);
        Assert.Contains("奉献奖（公示中）", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("王建国（", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDeeds_OpenInLibreOffice_AndTheCommandLineWritesThem()
    {
        var file = Path.Combine(factory.Root, "cli-deeds.docx");
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(["export", "deeds", "--out", file, $"--Awards:DatabasePath={factory.DatabasePath}", $"--Awards:KeysPath={Path.Combine(factory.Root, "keys")}"], output, new StringReader(string.Empty));
        Assert.True(code == 0, output.ToString());
        using (var document = WordprocessingDocument.Open(file, false))
        {
            AssertValid(document);
        }

        if (!LibreOffice.IsInstalled)
        {
            // scripts/test.sh installs LibreOffice; without it the validator is the only reader.
            return;
        }

        var text = Regex.Replace(LibreOffice.ConvertToPdfText(file), @"\s+", string.Empty);
        Assert.Contains("获奖先进事迹选编", text, StringComparison.Ordinal);
        Assert.Contains("李秀兰", text, StringComparison.Ordinal);
    }

    /// <summary>Starts the export on the page, waits for the background job, and downloads the file.</summary>
    private async Task<(byte[] Bytes, string FileName)> ExportAsync(Browser organizer, bool proposed)
    {
        var (job, bytes) = await Exported.RunAsync(factory, organizer, "deeds", proposed);
        return (bytes, job.FileName!);
    }

    private static List<string> Paragraphs(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)];

    private static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
