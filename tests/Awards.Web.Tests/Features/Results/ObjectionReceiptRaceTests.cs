using Awards.Web.Features.Results;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// Two objections naming the same address at the same moment, when it has had two receipts
/// today: only one of them gets the third receipt, as if they had come one after the other.
/// </summary>
public sealed class ObjectionReceiptRaceTests(HookedSite factory) : IClassFixture<HookedSite>
{
    [Fact]
    public async Task TwoObjectionsAtOnce_DoNotGetAnAddressAFourthReceiptInADay()
    {
        Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        const string Address = "target@example.org";
        Task<ReceivedObjection> SubmitAsync()
        {
            var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<Objections>()
                .SubmitAsync("help-story", null, "某人", Address, "我认为该主题的评审结果有误，请核实。", default)
                .ContinueWith(t => { scope.Dispose(); return t; }, TaskScheduler.Default).Unwrap();
        }

        Assert.True((await SubmitAsync()).Mailed);
        Assert.True((await SubmitAsync()).Mailed);

        // The third objection has counted the address's receipts (two) when a fourth arrives and counts them too.
        ReceivedObjection? late = null;
        var fourth = factory.Hook.After(sql => sql.Contains("FROM \"Objections\"", StringComparison.Ordinal) && sql.Contains("\"CreatedAt\" >", StringComparison.Ordinal), async () => late = await SubmitAsync());
        var third = await SubmitAsync();
        await fourth;

        // Both are received; one receipt goes between them, so the address has had three today.
        Assert.Equal(4, factory.WithDb(db => db.Objections.Count()));
        Assert.Equal(Objections.ReceiptsPerAddressPerDay, factory.WithDb(db => db.MailOutbox.Count(m => m.To == Address)));
        Assert.Equal(4, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "RaiseObjection")));
        Assert.True(third.Mailed);
        Assert.False(late!.Mailed);
    }
}
