namespace Awards.Core.Judging;

/// <summary>
/// Which units' entries a judge may not judge, beyond declared conflicts on single entries
/// (ADR 0016). A judge may not judge an entry of, or nominating:
/// <list type="bullet">
/// <item>the judge's own unit;</item>
/// <item>a unit paired with it in designated help (结对帮扶): a helping unit and the counties it is
/// designated to help, either way round;</item>
/// <item>a unit the organizer recorded against the judge (a former employer, a relative's county).
/// Such a unit is not widened by its pairs: the record names what the organizer knows.</item>
/// </list>
/// An entry is "of" a unit when it counts for it (the nominating unit, the author's unit) or names
/// it as the nominee (an organisation's nomination).
/// </summary>
public sealed class UnitConflicts
{
    private readonly Dictionary<int, HashSet<int>> _paired = [];

    /// <param name="helped">Each helping unit with the units it is designated to help.</param>
    public UnitConflicts(IEnumerable<(int UnitId, IReadOnlyCollection<int> HelpedUnitIds)> helped)
    {
        ArgumentNullException.ThrowIfNull(helped);
        foreach (var (unitId, helpedIds) in helped)
        {
            foreach (var other in helpedIds.Where(id => id != unitId))
            {
                Pair(unitId, other);
                Pair(other, unitId);
            }
        }
    }

    /// <summary>No pairs: only the judge's own unit and recorded units count.</summary>
    public static UnitConflicts None { get; } = new([]);

    /// <summary>The units paired with <paramref name="unitId"/> in designated help, either way round.</summary>
    public IReadOnlyCollection<int> PairedWith(int unitId) =>
        _paired.TryGetValue(unitId, out var set) ? set : [];

    /// <summary>The units whose entries the judge may not judge.</summary>
    /// <param name="judgeUnitId">The judge's own unit; null for an outside expert.</param>
    /// <param name="recordedUnitIds">The units the organizer recorded against the judge.</param>
    public IReadOnlySet<int> For(int? judgeUnitId, IEnumerable<int> recordedUnitIds)
    {
        ArgumentNullException.ThrowIfNull(recordedUnitIds);
        var units = new HashSet<int>(recordedUnitIds);
        if (judgeUnitId is int own)
        {
            units.Add(own);
            units.UnionWith(PairedWith(own));
        }

        return units;
    }

    /// <summary>Whether an entry is of one of <paramref name="units"/>: counted for it, or naming it as the nominee.</summary>
    public static bool Touches(IReadOnlySet<int> units, int entryUnitId, int? nomineeUnitId)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.Contains(entryUnitId) || (nomineeUnitId is int nominee && units.Contains(nominee));
    }

    private void Pair(int from, int to)
    {
        if (!_paired.TryGetValue(from, out var set))
        {
            set = [];
            _paired.Add(from, set);
        }

        set.Add(to);
    }
}
