using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Tracks;

public class RubricCriterionTests
{
    private static readonly BilingualText Name = new("真实性", "Authenticity");

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    public void Constructor_RejectsANonPositiveWeight(double weight)
    {
        Assert.Throws<DomainException>(() => new RubricCriterion(1, Name, BilingualText.Empty, (decimal)weight, 0, 20));
    }

    [Theory]
    [InlineData(-1, 20)]
    [InlineData(10, 10)]
    [InlineData(20, 10)]
    public void Constructor_RejectsABadScoreRange(int minScore, int maxScore)
    {
        Assert.Throws<DomainException>(() => new RubricCriterion(1, Name, BilingualText.Empty, 0.5m, minScore, maxScore));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(15, 21)]
    [InlineData(12, 8)]
    public void AddLevel_RejectsABandOutsideTheRange(int minScore, int maxScore)
    {
        var criterion = NewCriterion();

        Assert.Throws<DomainException>(() => criterion.AddLevel(Level(minScore, maxScore)));
        Assert.Empty(criterion.Levels);
    }

    [Theory]
    [InlineData(15, 20)]
    [InlineData(17, 17)]
    [InlineData(10, 18)]
    [InlineData(5, 16)]
    public void AddLevel_RejectsAnOverlappingBand(int minScore, int maxScore)
    {
        var criterion = NewCriterion().AddLevel(Level(16, 18));

        Assert.Throws<DomainException>(() => criterion.AddLevel(Level(minScore, maxScore)));
        Assert.Single(criterion.Levels);
    }

    [Fact]
    public void AddLevel_AcceptsAdjacentBandsCoveringTheRange()
    {
        var criterion = NewCriterion()
            .AddLevel(Level(0, 9))
            .AddLevel(Level(10, 17))
            .AddLevel(Level(18, 20));

        Assert.Equal(3, criterion.Levels.Count);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(20, true)]
    [InlineData(12.5, true)]
    [InlineData(-0.5, false)]
    [InlineData(20.5, false)]
    public void Accepts_OnlyScoresInsideTheRange(double score, bool accepted)
    {
        Assert.Equal(accepted, NewCriterion().Accepts((decimal)score));
    }

    private static RubricCriterion NewCriterion() => new(1, Name, BilingualText.Empty, 0.3m, 0, 20);

    private static CriterionLevel Level(int minScore, int maxScore) =>
        new(minScore, maxScore, new BilingualText("档", "Band"), BilingualText.Empty);
}
