using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Tracks;

public class TrackLimitsTests
{
    [Fact]
    public void Validated_ReturnsValidLimits()
    {
        var limits = new TrackLimits(10, 100, 2, 1);

        Assert.Same(limits, limits.Validated());
    }

    [Fact]
    public void Validated_AcceptsEqualMinimumAndMaximum()
    {
        var limits = new TrackLimits(100, 100, null, null);

        Assert.Same(limits, limits.Validated());
    }

    [Fact]
    public void Validated_RejectsAMinimumAboveTheMaximum()
    {
        Assert.Throws<DomainException>(() => new TrackLimits(101, 100, null, null).Validated());
    }

    [Fact]
    public void Validated_RejectsANegativeMinimum()
    {
        Assert.Throws<DomainException>(() => new TrackLimits(-1, 100, null, null).Validated());
    }

    [Fact]
    public void Validated_RejectsZeroPerUnit()
    {
        Assert.Throws<DomainException>(() => new TrackLimits(0, 100, 0, null).Validated());
    }

    [Fact]
    public void Validated_RejectsZeroPerAuthor()
    {
        Assert.Throws<DomainException>(() => new TrackLimits(0, 100, null, 0).Validated());
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void LengthFits_IncludesBothBounds(int length, bool fits)
    {
        Assert.Equal(fits, new TrackLimits(10, 100, null, null).LengthFits(length));
    }

    [Fact]
    public void Presets_MatchTheRules()
    {
        Assert.Equal(new TrackLimits(800, 5_000, 2, null), TrackLimits.Nomination);
        Assert.Equal(new TrackLimits(1_000, 6_000, null, 1), TrackLimits.Essay);
    }
}
