using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Data;
using Awards.Web.Infrastructure.Mail;
using Awards.Web.Tests.Infrastructure;
using Awards.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Accessibility;

/// <summary>
/// The demo contest with something on every page: an essay theme with final results (a winning
/// essay, a certificate), an entry assigned to a judge, an objection whose unit is asked to answer,
/// a published announcement and a mail; <see cref="IdsFor"/> names them by route.
/// </summary>
public sealed class AccessibilityScenario : AwardsFactory, IAsyncLifetime
{
    private Dictionary<string, Dictionary<string, string>> _ids = [];

    /// <summary>The real ids to put into a route template (none for a template without any).</summary>
    public IReadOnlyDictionary<string, string> IdsFor(string template) =>
        _ids.Where(i => template.StartsWith(i.Key, StringComparison.Ordinal)).OrderByDescending(i => i.Key.Length).Select(i => i.Value).FirstOrDefault() ?? [];

    /// <summary>Who opens a route: its role's demo account, or the one the scenario gave the page's data to.</summary>
    public string? AccountFor(Route route) =>
        _accounts.Where(a => route.Template.StartsWith(a.Key, StringComparison.Ordinal)).Select(a => a.Value).FirstOrDefault() ?? route.Account;

    private readonly Dictionary<string, string> _accounts = new()
    {
        ["/essays/new/"] = NewAuthor,
        ["/essays/{code}/edit"] = DraftingAuthor,
        ["/objection-responses/"] = "coordinator.qingshan@demo.example",
    };

    private const string NewAuthor = "a11y.new@example.org";

    private const string DraftingAuthor = "a11y.author@example.org";

    public async Task InitializeAsync()
    {
        var organizer = await Nominating.SignedInAsync(this, "organizer@demo.example");
        var winners = Judged.Score(this, "journey", [90, 90, 90], [80, 80, 80]);
        await Judged.FinalizeAsync(this, organizer, "journey", 1, 1, 0, 0);
        Clock.Offset = TimeSpan.Zero;
        await Writing.NewAuthorAsync(this, NewAuthor);
        var draft = await Writing.CreateDraftAsync(await Writing.NewAuthorAsync(this, DraftingAuthor), "help-story");
        (await (await Nominating.SignedInAsync(this, "author.zhang@demo.example")).PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendAsync(new OutgoingMail("author.zhang@demo.example", "征文已收到", "您的征文已收到。"), "accessibility", CancellationToken.None);
        }


        string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
        var ids = this.WithDb(db =>
        {
            var round = db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story"));
            var final = db.Rounds.Single(r => r.Sequence == 2 && r.TrackId == round.TrackId);
            var essay = db.Entries.Single(e => e.Status == EntryStatus.Submitted && e.OwnerUserId == db.Users.Single(u => u.Email == "author.zhang@demo.example").Id);
            var huang = db.Users.Single(u => u.Email == "judge.huang@demo.example");
            db.PanelMembers.Add(new PanelMember(round.Id, huang.Id));
            db.Assignments.Add(new JudgeAssignment(round.Id, essay.Id, huang.Id, DateTime.UtcNow));

            var nomination = db.Entries.Single(e => e.Status == EntryStatus.Submitted && db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "innovation"));
            var objection = new Core.Results.Objection(nomination.TrackId, nomination.Code, "某人", "13800001111", "该推荐对象的事迹有误，请核实。", DateTime.UtcNow);
            db.Objections.Add(objection);
            db.SaveChanges();
            var organizerId = db.Users.Single(u => u.Email == "organizer@demo.example").Id;
            var inquiry = Core.Results.ObjectionInquiry.Ask(objection, nomination.Id, [], DateTime.UtcNow.AddDays(3), organizerId, DateTime.UtcNow);
            db.ObjectionInquiries.Add(inquiry);

            var announcement = new Announcement
            {
                ContestEditionId = db.Contests.First().Id,
                Title = new BilingualText("关于征文截止时间的通知", "On the essay deadline"),
                Body = new BilingualText("征文截止时间不变。", "The deadline stands."),
                PublishedAt = DateTime.UtcNow,
                FirstPublishedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Announcements.Add(announcement);
            db.SaveChanges();

            var winner = db.Entries.Single(e => e.Code == winners[0]);
            var certificate = db.Placements.Single(p => p.EntryId == winner.Id).VerifyCode;
            var coordinator = db.Users.Single(u => u.Email == "coordinator.qingshan@demo.example").Id;
            var leader = db.Users.Single(u => u.Email == "leader@demo.example").Id;
            return new Dictionary<string, Dictionary<string, string>>
            {
                ["/objection-responses/"] = new() { ["id"] = Text(inquiry.Id) },
                ["/notice/objections/"] = new() { ["reference"] = objection.Reference },
                ["/results/essays/"] = new() { ["code"] = winner.Code },
                ["/organizer/results/"] = new() { ["code"] = "journey", ["certificate"] = certificate },
                ["/leader/results/"] = new() { ["code"] = "journey" },
                ["/verify/"] = new() { ["code"] = certificate },
                ["/judge/rounds/"] = new() { ["roundId"] = Text(round.Id), ["code"] = essay.Code },
                ["/organizer/judging/conflicts/judges/"] = new() { ["judgeId"] = Text(huang.Id) },
                ["/organizer/judging/"] = new() { ["roundId"] = Text(round.Id) },
                ["/organizer/judging/{roundId:int}/shortlist"] = new() { ["roundId"] = Text(final.Id) },
                ["/organizer/users/"] = new() { ["id"] = Text(coordinator) },
                ["/organizer/users/{id:int}/awards"] = new() { ["id"] = Text(leader) },
                ["/organizer/nominations/"] = new() { ["code"] = nomination.Code },
                ["/organizer/essays/"] = new() { ["code"] = essay.Code },
                ["/organizer/units/"] = new() { ["code"] = "qingshan" },
                ["/announcements/"] = new() { ["id"] = Text(announcement.Id) },
                ["/organizer/announcements/"] = new() { ["id"] = Text(announcement.Id) },
                ["/essays/new/"] = new() { ["track"] = "help-story" },
                ["/essays/{code}/edit"] = new() { ["code"] = draft },
                ["/essays/"] = new() { ["code"] = essay.Code },
                ["/nominations/new/"] = new() { ["track"] = "dedication" },
                ["/nominations/"] = new() { ["code"] = nomination.Code },
                ["/tracks/"] = new() { ["code"] = "help-story" },
                ["/organizer/contest/tracks/"] = new() { ["code"] = "innovation" },
                ["/status/"] = new() { ["code"] = "404" },
            };
        });

        var mails = await Mails.InAsync(this);
        ids["/organizer/mailbox/"] = new() { ["id"] = mails.Count > 0 ? mails[0].Id : "none" };
        _ids = ids;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
