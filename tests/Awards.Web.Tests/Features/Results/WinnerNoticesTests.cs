using System.Text.RegularExpressions;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>Once the results are final, the organizer tells the winners by mail, once: each gets their prize and their certificate's code.</summary>
public sealed class WinnerNoticesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheWinnersOfAFinalTheme_AndTheCoordinatorsOfAWinningUnit_GetTheirPrizeAndCode_Once()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string page = "/organizer/results/help-story";

        // Not before the results are final.
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        (await organizer.PostAsync(page, page + "/tell-winners")).Dispose();
        Assert.Contains("结果确定后才能通知获奖者。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tell-winners\"", await organizer.GetStringAsync(page), StringComparison.Ordinal);

        await Judged.FinalizeAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        Assert.Contains("data-testid=\"tell-winners\"", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        (await organizer.PostAsync(page, page + "/tell-winners")).Dispose();
        var shown = await organizer.GetStringAsync(page);
        Assert.Contains("已发送 2 份获奖通知，", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"winners-told\"", shown, StringComparison.Ordinal);

        // Each winner's author: their essay, their prize, and the code that /verify confirms.
        var winners = factory.WithDb(db => (
            from p in db.Placements
            join e in db.Entries on p.EntryId equals e.Id
            join u in db.Users on e.OwnerUserId equals u.Id
            where p.LevelRank != null && codes.Contains(e.Code)
            select new { u.Email, e.Title, p.VerifyCode, p.LevelRank }).ToList());
        var sent = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).ToList();
        Assert.Equal(winners.Select(w => w.Email).Order(StringComparer.Ordinal), sent.Select(m => m.To).Order(StringComparer.Ordinal));
        foreach (var w in winners)
        {
            var m = Assert.Single(sent, m => m.To == w.Email && m.Body.Contains(w.VerifyCode, StringComparison.Ordinal));
            Assert.Contains($"您的作品《{w.Title}》荣获", m.Body, StringComparison.Ordinal);
            Assert.Contains(w.LevelRank == 1 ? "一等奖" : "二等奖", m.Body, StringComparison.Ordinal);
            var link = new Uri(Regex.Match(m.Body, "https?://\\S+/verify/\\S+").Value).PathAndQuery;
            var verified = await new Browser(factory).GetStringAsync(link);
            Assert.Contains("data-testid=\"verified\"", verified, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"level\">{(w.LevelRank == 1 ? "一等奖" : "二等奖")}<", verified, StringComparison.Ordinal);
        }

        // A second click mails nobody.
        (await organizer.PostAsync(page, page + "/tell-winners")).Dispose();
        var again = await organizer.GetStringAsync(page);
        Assert.True(Regex.IsMatch(again, "已于 .+ 通知.+的获奖者"), Regex.Match(again, "data-testid=\"error\">[^<]*").Value);
        Assert.Equal(sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));

        // The Outstanding Organization Award: the winning unit's coordinators are told.
        const string unitPage = "/organizer/results/outstanding-organization";
        var qingshan = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id);
        var token = await organizer.TokenFromAsync(unitPage);
        (await organizer.Client.PostAsync(unitPage + "/picks", new FormUrlEncodedContent([new("units", qingshan.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("reason", "按组织发动情况综合评定。"), new("__RequestVerificationToken", token)]))).Dispose();
        (await organizer.SubmitAsync(unitPage, unitPage + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(unitPage, unitPage + "/finalize")).Dispose();
        (await organizer.PostAsync(unitPage, unitPage + "/tell-winners")).Dispose();
        var unitMail = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id) && m.To == "coordinator.qingshan@demo.example");
        Assert.Contains("青山县荣获", unitMail.Body, StringComparison.Ordinal);
        Assert.Contains("/verify/", unitMail.Body, StringComparison.Ordinal);
    }
}
