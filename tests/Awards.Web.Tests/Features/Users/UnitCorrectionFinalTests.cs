using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Users;

/// <summary>
/// A unit correction leaves the essays of a theme whose results are final where they were: those
/// results, their certificates and the check page are the record.
/// </summary>
public sealed class UnitCorrectionFinalTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnAuthorMoved_KeepsTheEssayOfAFinalTheme_AndMovesTheOther()
    {
        const string email = "two.themes@example.org";
        var author = await Writing.NewAuthorAsync(factory, email, unit: "qingshan");
        var story = await Writing.CreateDraftAsync(author, "help-story", Writing.Essay(title: "帮扶路上"));
        var journey = await Writing.CreateDraftAsync(author, "journey", Writing.Essay(title: "脱贫之路"));
        (await Writing.SubmitAsync(author, story)).Dispose();
        (await Writing.SubmitAsync(author, journey)).Dispose();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Judged.Score(factory, "journey", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        await Judged.FinalizeAsync(factory, organizer, "journey", 1, 1, 1, 0);
        var (qingshan, women) = (UnitId("qingshan"), UnitId("women"));
        var id = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);

        using var changed = await organizer.SubmitAsync($"/organizer/users/{id}/unit", $"/organizer/users/{id}/unit", new Dictionary<string, string>
        {
            ["Form.UnitId"] = women.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Reason"] = "作者实为市妇联职工。",
        });

        Assert.Equal(women, UnitOf(story));
        Assert.Equal(qingshan, UnitOf(journey));
        Assert.Contains("其 1 篇征文改计入市妇联；结果已终审的主题中的 1 篇保持公布时的单位。", await organizer.GetStringAsync(changed.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    private int UnitOf(string code) => factory.WithDb(db => db.Entries.Single(e => e.Code == code).UnitId);

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);
}
