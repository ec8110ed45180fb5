using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Tracks;

public class AwardLevelTests
{
    private static readonly BilingualText FirstPrize = new("一等奖", "First prize");

    [Fact]
    public void Constructor_RejectsANegativeQuota()
    {
        Assert.Throws<DomainException>(() => new AwardLevel(1, FirstPrize, -1));
    }

    [Fact]
    public void Constructor_AcceptsAZeroQuota()
    {
        Assert.Equal(0, new AwardLevel(1, FirstPrize, 0).Quota);
    }

    [Fact]
    public void Constructor_RejectsARankBelowOne()
    {
        Assert.Throws<DomainException>(() => new AwardLevel(0, FirstPrize, 5));
    }

    [Fact]
    public void ChangeQuota_RejectsANegativeQuotaAndKeepsTheOldOne()
    {
        var level = new AwardLevel(1, FirstPrize, 5);

        Assert.Throws<DomainException>(() => level.ChangeQuota(-3));
        Assert.Equal(5, level.Quota);
    }

    [Fact]
    public void ChangeQuota_SetsTheNewQuota()
    {
        var level = new AwardLevel(1, FirstPrize, 5);

        level.ChangeQuota(8);

        Assert.Equal(8, level.Quota);
    }

    [Fact]
    public void Constructor_RejectsANegativeOrHugeBonus()
    {
        Assert.Throws<DomainException>(() => new AwardLevel(1, FirstPrize, 5, -100));
        Assert.Throws<DomainException>(() => new AwardLevel(1, FirstPrize, 5, AwardLevel.MaxBonus + 1));
        Assert.Equal(2000, new AwardLevel(1, FirstPrize, 5, 2000).Bonus);
    }
}
