using Awards.Core.Common;
using Awards.Core.Results;

namespace Awards.Core.Tests.Results;

/// <summary>A request to the entrant for a response to an objection: when it can be asked, and when answered.</summary>
public sealed class ObjectionInquiryTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AResponse_IsTakenOnce_ByItsTime()
    {
        var objection = About("AB12CD34");
        var inquiry = ObjectionInquiry.Ask(objection, 7, [], Now.AddDays(3), 1, Now);

        inquiry.Respond(objection, "  材料属实。 ", 2, Now.AddDays(1));

        Assert.Equal("材料属实。", inquiry.Response);
        Assert.Equal(Now.AddDays(1), inquiry.RespondedAt);
        Assert.False(inquiry.IsPendingAt(Now.AddDays(1)));
        var again = Assert.Throws<DomainException>(() => inquiry.Respond(objection, "改了", 2, Now.AddDays(1)));
        Assert.Equal("A response to this request was already given; it cannot be changed.", again.MessageKey);
        Assert.Equal("材料属实。", inquiry.Response);
    }

    [Fact]
    public void ALateResponse_IsRefused_AndTheExpiredRequest_NoLongerBlocksAnother()
    {
        var objection = About("AB12CD34");
        var inquiry = ObjectionInquiry.Ask(objection, 7, [], Now.AddDays(1), 1, Now);

        var late = Assert.Throws<DomainException>(() => inquiry.Respond(objection, "材料属实。", 2, Now.AddDays(1).AddMinutes(1)));

        Assert.StartsWith("The time to respond ended", late.MessageKey, StringComparison.Ordinal);
        Assert.Null(inquiry.Response);
        Assert.Throws<DomainException>(() => ObjectionInquiry.Ask(objection, 7, [inquiry], Now.AddDays(5), 1, Now.AddHours(1)));
        Assert.NotNull(ObjectionInquiry.Ask(objection, 7, [inquiry], Now.AddDays(5), 1, Now.AddDays(2)));
    }

    [Fact]
    public void NobodyIsAsked_AboutAResolvedObjection_OrOneNamingNoEntry_OrForATimeOutOfRange()
    {
        var resolved = About("AB12CD34");
        resolved.Resolve(ObjectionOutcome.Dismissed, "维持原结果。", 1, Now);

        Assert.Throws<DomainException>(() => ObjectionInquiry.Ask(resolved, 7, [], Now.AddDays(3), 1, Now));
        Assert.Throws<DomainException>(() => ObjectionInquiry.Ask(About(null), null, [], Now.AddDays(3), 1, Now));
        Assert.Throws<DomainException>(() => ObjectionInquiry.Ask(About("AB12CD34"), 7, [], Now, 1, Now));
        Assert.Throws<DomainException>(() => ObjectionInquiry.Ask(About("AB12CD34"), 7, [], Now.AddDays(ObjectionInquiry.MaxDays + 1), 1, Now));
    }

    [Fact]
    public void AResponse_AfterTheObjectionIsDecided_IsRefused()
    {
        var objection = About("AB12CD34");
        var inquiry = ObjectionInquiry.Ask(objection, 7, [], Now.AddDays(3), 1, Now);
        objection.Resolve(ObjectionOutcome.Upheld, "已更正。", 1, Now.AddHours(1));

        Assert.Throws<DomainException>(() => inquiry.Respond(objection, "材料属实。", 2, Now.AddHours(2)));
        Assert.Null(inquiry.Response);
    }

    [Fact]
    public void TheTextTheEntrantReads_HasTheObjectorsNameAndContactBlottedOut()
    {
        var objection = new Objection(1, "AB12CD34", "赵立群", "Zhao@Example.org", "我是赵立群，邮箱 zhao@example.org，事迹有夸大。", Now);

        Assert.Equal("我是[…]，邮箱 […]，事迹有夸大。", objection.TextWithoutSender());
    }

    private static Objection About(string? entryCode) => new(1, entryCode, "某人", "13800001111", "该推荐对象的事迹有误，请核实。", Now);
}
