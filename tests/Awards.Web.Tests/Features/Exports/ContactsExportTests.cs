using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The office hands out medals, certificates and bonuses: the winners' contact list says how to
/// reach each winner, and the prize list, which is passed on, carries no phone number.
/// </summary>
public sealed class ContactsExportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheContactList_ReachesEachWinner_AndThePrizeListCarriesNoPhone()
    {
        var writer = await Writing.NewAuthorAsync(factory, "zhao.lan@example.org", name: "赵兰", phone: "13912345678");
        var essay = await Writing.CreateDraftAsync(writer, "journey");
        (await Writing.SubmitAsync(writer, essay)).Dispose();
        Judged.ScoreRound(factory, "journey", 1, new() { [essay] = [92, 92, 92] });

        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var nomination = await Nominating.CreateDraftAsync(coordinator, "innovation", Nominating.Person(name: "王春梅"));
        (await Nominating.SubmitAsync(coordinator, nomination)).Dispose();
        Judged.ScoreRound(factory, "innovation", 1, new() { [nomination] = [90, 90, 90] });

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "journey", 1, 0, 0, 0);
        await Judged.PublishAsync(factory, organizer, "innovation", 1);

        var (job, bytes) = await Exported.RunAsync(factory, organizer, "contacts", proposed: true);
        Assert.Contains("获奖者联系表", job.FileName!, StringComparison.Ordinal);
        using var contacts = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(contacts).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = Exported.SheetText(contacts, "获奖者联系表");
        Assert.Contains($"征文：我的脱贫历程|一等奖|{essay}|赵兰|", text, StringComparison.Ordinal);
        Assert.Contains("13912345678|zhao.lan@example.org", text, StringComparison.Ordinal);
        Assert.Contains($"创新奖|创新奖|{nomination}|王春梅|", text, StringComparison.Ordinal);
        Assert.Contains("青山县石桥镇副镇长|0791-5550101|", text, StringComparison.Ordinal);
        Assert.Contains("coordinator.qingshan@demo.example", text, StringComparison.Ordinal);

        var (_, list) = await Exported.RunAsync(factory, organizer, "prize-list", proposed: true);
        using var prizes = SpreadsheetDocument.Open(new MemoryStream(list), false);
        var all = Exported.AllSheetsText(prizes);
        Assert.Contains(essay, all, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", all, StringComparison.Ordinal);
        Assert.DoesNotContain("0791-5550101", all, StringComparison.Ordinal);
        Assert.DoesNotContain("zhao.lan@example.org", all, StringComparison.Ordinal);

        // Nor does the public notice.
        var notice = await new Browser(factory).GetStringAsync("/notice");
        Assert.Contains(essay, notice, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("0791-5550101", notice, StringComparison.Ordinal);
    }
}
