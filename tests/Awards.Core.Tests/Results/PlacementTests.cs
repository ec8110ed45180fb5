using Awards.Core.Common;
using Awards.Core.Results;

namespace Awards.Core.Tests.Results;

/// <summary>Revoking a final prize (撤销表彰): it stays on record, marked; nothing else moves.</summary>
public sealed class PlacementTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Revoking_KeepsThePlaceAndLevel_AndRecordsWhenWhoAndWhy()
    {
        var placement = new Placement(1, 7, position: 2, place: 2, score: 88m, levelRank: 1, overridden: false);

        placement.Revoke(ResultStage.Final, "  plagiarism found  ", " 市扶贫办〔2026〕12号 ", byUserId: 3, Now);

        Assert.True(placement.IsRevoked);
        Assert.False(placement.IsPrize);
        Assert.Equal(1, placement.LevelRank);
        Assert.Equal(2, placement.Place);
        Assert.Equal(Now, placement.RevokedAt);
        Assert.Equal(3, placement.RevokedByUserId);
        Assert.Equal("plagiarism found", placement.RevocationReason);
        Assert.Equal("市扶贫办〔2026〕12号", placement.RevocationDocument);
    }

    [Theory]
    [InlineData(ResultStage.Draft)]
    [InlineData(ResultStage.Notice)]
    public void Revoking_IsRefused_BeforeTheResultsAreFinal(ResultStage stage)
    {
        var placement = new Placement(1, 7, 1, 1, 90m, 1, false);

        var refused = Assert.Throws<DomainException>(() => placement.Revoke(stage, "reason", null, 3, Now));

        Assert.Equal(ResultMessages.RevokeNotFinal, refused.MessageKey);
        Assert.False(placement.IsRevoked);
    }

    [Fact]
    public void RevokingAgain_IsRefused_AndKeepsTheFirstRecord()
    {
        var placement = new Placement(1, 7, 1, 1, 90m, 1, false);
        placement.Revoke(ResultStage.Final, "first", null, 3, Now);

        var refused = Assert.Throws<DomainException>(() => placement.Revoke(ResultStage.Final, "second", "X", 4, Now.AddDays(1)));

        Assert.Equal(ResultMessages.AlreadyRevoked, refused.MessageKey);
        Assert.Equal("first", placement.RevocationReason);
        Assert.Equal(Now, placement.RevokedAt);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(1, "   ")]
    public void Revoking_IsRefused_WithoutAPrizeOrAReason(int? level, string reason)
    {
        var placement = new Placement(1, 7, 1, 1, 90m, level, false);

        var refused = Assert.Throws<DomainException>(() => placement.Revoke(ResultStage.Final, reason, null, 3, Now));

        Assert.Equal(level is null ? ResultMessages.NoPrizeToRevoke : ResultMessages.RevokeReasonRequired, refused.MessageKey);
        Assert.False(placement.IsRevoked);
    }
}
