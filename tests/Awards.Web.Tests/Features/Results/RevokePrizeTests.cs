using System.Net;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// A prize of final results found undeserved later is revoked (撤销表彰, ADR 0017): it stays in
/// the record, marked; nobody moves up; the certificate check says so; public lists and new
/// exports leave it out; the author is told by mail, in their language.
/// </summary>
public sealed class RevokePrizeTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/help-story";

    private const string Reason = "经核查，该作品系抄袭他人作品。";

    private const string Document = "清扶办〔2026〕12号";

    [Fact]
    public async Task TheOrganizer_RevokesAFinalPrize_AndEverythingThatShowsItFollows()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.FinalizeAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        var winners = factory.WithDb(db => (
            from p in db.Placements
            join e in db.Entries on p.EntryId equals e.Id
            join u in db.Users on e.OwnerUserId equals u.Id
            where codes.Contains(e.Code)
            orderby p.Position
            select new { e.Code, e.Title, p.VerifyCode, p.LevelRank, u.Id, u.Email, u.DisplayName }).ToList());
        var (revoked, kept, third) = (winners[0], winners[1], winners[2]);
        Assert.Equal(1, revoked.LevelRank);
        Assert.Null(third.LevelRank);
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Id == revoked.Id).Language = "en";
            return db.SaveChanges();
        });
        var mailsBefore = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();

        // The results page offers it; the confirmation says what will happen.
        var results = await organizer.GetStringAsync(Page);
        Assert.Contains($"{Page}/revoke/{revoked.VerifyCode}", results, StringComparison.Ordinal);
        var confirm = await organizer.GetStringAsync($"{Page}/revoke/{revoked.VerifyCode}");
        Assert.Contains("不递补：该奖项不再授予排名其后的作品。", confirm, StringComparison.Ordinal);
        Assert.Contains("将发送 1 封邮件通知获奖者", confirm, StringComparison.Ordinal);
        Assert.Contains(revoked.Title, confirm, StringComparison.Ordinal);

        // Without a reason: said so on the form, the document number kept, nothing changed.
        using (var noReason = await organizer.SubmitAsync($"{Page}/revoke/{revoked.VerifyCode}", $"{Page}/revoke/{revoked.VerifyCode}", new Dictionary<string, string> { ["reason"] = "  ", ["document"] = Document }))
        {
            var text = await noReason.Content.ReadAsStringAsync();
            Assert.Contains("撤销奖项须填写理由。", text, StringComparison.Ordinal);
            Assert.Contains(Document, text, StringComparison.Ordinal);
        }

        Assert.Null(factory.WithDb(db => db.Placements.Single(p => p.VerifyCode == revoked.VerifyCode).RevokedAt));

        using (var done = await organizer.SubmitAsync($"{Page}/revoke/{revoked.VerifyCode}", $"{Page}/revoke/{revoked.VerifyCode}", new Dictionary<string, string> { ["reason"] = Reason, ["document"] = Document }))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        // The record: the place and prize kept, marked, with who, when and why; nobody moved up.
        var shown = await organizer.GetStringAsync(Page);
        Assert.Contains("一等奖已撤销", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"revoked\"", shown, StringComparison.Ordinal);
        Assert.Contains(Reason, shown, StringComparison.Ordinal);
        Assert.Contains("陈明远 于 ", shown, StringComparison.Ordinal);
        var placements = factory.WithDb(db => db.Placements.Where(p => codes.Contains(db.Entries.First(e => e.Id == p.EntryId).Code)).OrderBy(p => p.Position).ToList());
        Assert.Equal([1, 2, null], placements.Select(p => p.LevelRank));
        Assert.Equal(Reason, placements[0].RevocationReason);
        Assert.Equal(Document, placements[0].RevocationDocument);
        Assert.NotNull(placements[0].RevokedAt);
        Assert.All(placements.Skip(1), p => Assert.Null(p.RevokedAt));
        Assert.True(factory.WithDb(db => db.AuditLog.Any(a => a.Action == "RevokePrize" && a.EntityKey == revoked.VerifyCode)));

        // The author is told, in English, with the reason; nobody else is.
        var sent = (await Mails.InAsync(factory)).Where(m => !mailsBefore.Contains(m.Id)).ToList();
        var mail = Assert.Single(sent);
        Assert.Equal(revoked.Email, mail.To);
        Assert.StartsWith("Award revoked:", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"your essay “{revoked.Title}” won is revoked", mail.Body, StringComparison.Ordinal);
        Assert.Contains(Reason, mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/verify/{revoked.VerifyCode}", mail.Body, StringComparison.Ordinal);

        // The public check says revoked, with the date and the document, never the reason; the other certificate stands.
        var visitor = new Browser(factory);
        var check = await visitor.GetStringAsync($"/verify/{revoked.VerifyCode}");
        Assert.Contains("data-testid=\"revoked\"", check, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verified\"", check, StringComparison.Ordinal);
        Assert.Contains("该表彰已于 ", check, StringComparison.Ordinal);
        Assert.Contains(Document, check, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, check, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"verified\"", await visitor.GetStringAsync($"/verify/{kept.VerifyCode}"), StringComparison.Ordinal);

        // The public results no longer show it as a winner, nor its text.
        var publicResults = await visitor.GetStringAsync("/results");
        Assert.DoesNotContain(revoked.Title, publicResults, StringComparison.Ordinal);
        Assert.Contains(kept.Title, publicResults, StringComparison.Ordinal);
        using (var essay = await visitor.Client.GetAsync($"/results/essays/{revoked.Code}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, essay.StatusCode);
        }

        // A second click, from a page opened before: a clear message, nothing changed, no mail.
        using (var again = await organizer.SubmitAsync(Page, $"{Page}/revoke/{revoked.VerifyCode}", new Dictionary<string, string> { ["reason"] = "另一理由" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Contains("该奖项已于 ", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(Reason, factory.WithDb(db => db.Placements.Single(p => p.VerifyCode == revoked.VerifyCode).RevocationReason));
        Assert.Single(await Mails.InAsync(factory), m => !mailsBefore.Contains(m.Id));

        // Documents made from now on leave it out: the anthology prints only the kept essay.
        foreach (var kind in new[] { "anthology", "certificates", "notice" })
        {
            var (_, bytes) = await Exported.RunAsync(factory, organizer, kind);
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var body = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.DoesNotContain(revoked.Title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(revoked.VerifyCode, body, StringComparison.Ordinal);
            Assert.Contains(kept.Title, body, StringComparison.Ordinal);
        }

        foreach (var kind in new[] { "prize-list", "contacts" })
        {
            var (_, bytes) = await Exported.RunAsync(factory, organizer, kind);
            using var sheet = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var text = Exported.AllSheetsText(sheet);
            Assert.DoesNotContain(revoked.Code, text, StringComparison.Ordinal);
            Assert.DoesNotContain(revoked.Email!, text, StringComparison.Ordinal);
            Assert.Contains(kept.Code, text, StringComparison.Ordinal);
        }

        // Nor is its bonus paid: the payment sheet lists the kept winner alone.
        var (_, bonuses) = await Exported.RunAsync(factory, organizer, "bonuses");
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(bonuses), false))
        {
            var text = Exported.AllSheetsText(sheet);
            Assert.DoesNotContain(revoked.DisplayName, text, StringComparison.Ordinal);
            Assert.Contains(kept.DisplayName, text, StringComparison.Ordinal);
        }
    }
}
