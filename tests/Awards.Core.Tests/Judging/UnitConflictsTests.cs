using Awards.Core.Judging;

namespace Awards.Core.Tests.Judging;

public class UnitConflictsTests
{
    // Units: 1 a helping unit designated to help counties 2 and 3; 4 another county; 5 a helping unit helping 4.
    private static readonly UnitConflicts Pairs = new([(1, [2, 3]), (5, [4])]);

    [Fact]
    public void AHelpingUnitsJudge_MayNotJudgeTheCountiesItHelps()
    {
        var units = Pairs.For(1, []);

        Assert.Equal([1, 2, 3], units.Order());
        Assert.False(UnitConflicts.Touches(units, 4, null));
    }

    [Fact]
    public void ACountysJudge_MayNotJudgeTheUnitsHelpingIt_ButNotTheirOtherCounties()
    {
        var units = Pairs.For(2, []);

        Assert.Equal([1, 2], units.Order());
        Assert.False(UnitConflicts.Touches(units, 3, null));
    }

    [Fact]
    public void RecordedUnits_CountAsTheyAre_WithoutTheirPairs()
    {
        var units = Pairs.For(4, [1]);

        Assert.Equal([1, 4, 5], units.Order());
        Assert.False(UnitConflicts.Touches(units, 2, null));
    }

    [Fact]
    public void AnOutsideExpert_HasOnlyTheRecordedUnits()
    {
        Assert.Empty(Pairs.For(null, []));
        Assert.Equal([3], Pairs.For(null, [3]).Order());
    }

    [Fact]
    public void AnEntryNamingTheUnitAsNominee_IsTouched_WhoeverNominatedIt()
    {
        var units = Pairs.For(5, []);

        Assert.True(UnitConflicts.Touches(units, 2, 4));
        Assert.True(UnitConflicts.Touches(units, 4, null));
        Assert.False(UnitConflicts.Touches(units, 2, 3));
    }

    [Fact]
    public void AUnitListedAsHelpingItself_IsNotPairedWithItself()
    {
        var pairs = new UnitConflicts([(1, [1, 2])]);

        Assert.Equal([2], pairs.PairedWith(1));
        Assert.Equal([1], pairs.PairedWith(2));
        Assert.Empty(UnitConflicts.None.PairedWith(1));
    }
}
