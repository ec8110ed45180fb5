using System.Text.RegularExpressions;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Web.Features.Dashboard;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The organizer reminds those whose entries are not submitted: authors and units' coordinators
/// get one mail each, in their language, listing the drafts they could still submit and their
/// returned entries; a draft for a theme the author already holds is left out; once a day at
/// most, and only while submissions are open.
/// </summary>
public sealed class EntrantRemindersTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Writer = "late.writer@example.org";

    [Fact]
    public async Task EntrantsWithDraftsTheyCanSubmit_GetOneMailListingThem_InTheirLanguage_OnceADay_WhileSubmissionsAreOpen()
    {
        // A new author writes two essays for one theme and submits one: the other cannot be
        // submitted any more (one essay per author per theme). A draft for the other theme can.
        var writer = await Writing.NewAuthorAsync(factory, Writer, name: "晚交者");
        var submitted = await Writing.CreateDraftAsync(writer, "journey", Writing.Essay("已提交的一篇"));
        var blocked = await Writing.CreateDraftAsync(writer, "journey", Writing.Essay("多写的一篇"));
        (await Writing.SubmitAsync(writer, submitted)).Dispose();
        var open = await Writing.CreateDraftAsync(writer, "help-story", Writing.Essay("还没提交的故事"));
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Email == Writer).Language = "en";
            return db.SaveChanges();
        });

        // The demo's own drafts: author.tang's essay and the power company's nomination.
        var demoDrafts = factory.WithDb(db => db.Entries.Where(e => e.Status == EntryStatus.Draft && e.Code != blocked && e.Code != open).Select(e => e.Code).ToList());
        Assert.Equal(2, demoDrafts.Count);

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var dashboard = await organizer.GetStringAsync("/organizer");
        Assert.Contains("提醒报送人提交（未提交 3 件）", dashboard, StringComparison.Ordinal);

        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        Assert.Contains("已发送提醒邮件 3 封，", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);
        var sent = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).ToList();
        Assert.Equal(
            ["author.tang@demo.example", "coordinator.power@demo.example", Writer],
            sent.Select(m => m.To).Order(StringComparer.Ordinal));

        var english = Assert.Single(sent, m => m.To == Writer);
        Assert.StartsWith("Reminder: submissions close on ", english.Subject, StringComparison.Ordinal);
        Assert.Contains("Hello 晚交者,", english.Body, StringComparison.Ordinal);
        Assert.Contains($"/essays/{open}", english.Body, StringComparison.Ordinal);
        Assert.Contains("“还没提交的故事”", english.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(blocked, english.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(submitted, english.Body, StringComparison.Ordinal);

        var coordinator = Assert.Single(sent, m => m.To == "coordinator.power@demo.example");
        Assert.StartsWith("提醒：报送将于 ", coordinator.Subject, StringComparison.Ordinal);
        Assert.Contains("以下作品或推荐尚未提交", coordinator.Body, StringComparison.Ordinal);
        Assert.Matches(new Regex("/nominations/[0-9A-Z-]+"), coordinator.Body);
        Assert.Contains("草稿", coordinator.Body, StringComparison.Ordinal);

        // A second click the same day: refused, saying when the last one went; no mail.
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        var refused = await organizer.GetStringAsync("/organizer");
        Assert.Matches(new Regex("已于 .+ 提醒过报送人，请一天后再提醒。"), refused);
        Assert.Contains("data-testid=\"last-entrant-reminder\"", refused, StringComparison.Ordinal);
        Assert.Equal(sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));

        // The next day it goes again; after submissions close, never, and the button is gone.
        factory.Clock.Offset += TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        Assert.Equal(2 * sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
        var closes = factory.WithDb(db => db.Contests.Single().Schedule.SubmissionClosesAt);
        factory.Clock.Set(closes.AddHours(1));
        Assert.DoesNotContain("data-testid=\"remind-entrants\"", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        Assert.Contains("当前不在报送期内，无需提醒。", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);
        Assert.Equal(2 * sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
        Assert.Equal(2, factory.WithDb(db => db.AuditLog.Count(a => a.Action == EntrantReminders.Action)));
    }
}

/// <summary>
/// A reminder goes only to accounts that can act on it: an author whose account is turned off or
/// whose address is not confirmed, and a turned-off coordinator, get no mail, while their
/// neighbours do.
/// </summary>
public sealed class EntrantRemindersReachOnlyActiveAccountsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TurnedOffAndUnconfirmedAccounts_AreNotMailed_TheirNeighboursAre()
    {
        var active = await Writing.NewAuthorAsync(factory, "still.here@example.org");
        var turnedOff = await Writing.NewAuthorAsync(factory, "turned.off@example.org");
        var unconfirmed = await Writing.NewAuthorAsync(factory, "not.confirmed@example.org");
        foreach (var author in new[] { active, turnedOff, unconfirmed })
        {
            await Writing.CreateDraftAsync(author, "help-story");
        }

        // The power company's nomination is the demo's: one of its coordinators is turned off.
        await Nominating.CreateUserAsync(factory, "second.power@example.org", Roles.UnitCoordinator, "power");
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Email == "turned.off@example.org").DeactivatedAt = factory.Clock.UtcNow;
            db.Users.Single(u => u.Email == "coordinator.power@demo.example").DeactivatedAt = factory.Clock.UtcNow;
            db.Users.Single(u => u.Email == "not.confirmed@example.org").EmailConfirmed = false;
            return db.SaveChanges();
        });

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        var to = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).Select(m => m.To).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["author.tang@demo.example", "second.power@example.org", "still.here@example.org"], to);
    }
}
