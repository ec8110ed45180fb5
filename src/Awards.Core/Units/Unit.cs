using Awards.Core.Common;

namespace Awards.Core.Units;

public enum UnitKind
{
    /// <summary>The city at the top of the hierarchy.</summary>
    City,

    /// <summary>A county, county-level city or district (县市区).</summary>
    County,

    /// <summary>A designated helping unit (定点帮扶单位).</summary>
    HelpingUnit,

    /// <summary>A municipal unit (市直单位).</summary>
    MunicipalUnit,
}

/// <summary>An organisation in the city's hierarchy. Units nominate, authors belong to one.</summary>
public class Unit
{
    public Unit(string code, BilingualText name, UnitKind kind, Unit? parent)
    {
        if (kind == UnitKind.City && parent is not null)
        {
            throw new DomainException("The city is the top of the hierarchy and has no parent.");
        }

        if (kind != UnitKind.City && parent is null)
        {
            throw new DomainException("Every unit except the city has a parent unit.");
        }

        Code = code;
        Name = name;
        Kind = kind;
        Parent = parent;
    }

    private Unit()
    {
        Code = string.Empty;
        Name = BilingualText.Empty;
    }

    public int Id { get; private set; }

    public string Code { get; private set; }

    public BilingualText Name { get; private set; }

    public UnitKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    public Unit? Parent { get; private set; }

    /// <summary>
    /// The names the unit had before it was renamed while it had entries (a county that became a
    /// district, say), oldest first. Texts written under a former name still carry it, so what
    /// judges read hides these too.
    /// </summary>
    public IReadOnlyList<BilingualText> FormerNames { get; private set; } = [];

    /// <summary>
    /// Gives the unit a new name; a unit always has a Chinese name. With
    /// <paramref name="keepFormer"/> (the unit has entries) the present name is kept among the
    /// <see cref="FormerNames"/>; without it the rename is a correction, and the old name goes.
    /// </summary>
    public void Rename(BilingualText name, bool keepFormer = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name.Zh))
        {
            throw new DomainException("A unit needs a Chinese name.");
        }

        if (keepFormer && name != Name && !FormerNames.Contains(Name))
        {
            FormerNames = [.. FormerNames, Name];
        }

        Name = name;
    }

    /// <summary>
    /// The units this unit is designated to help (结对帮扶), in id order: a helping or municipal
    /// unit's counties. A judge of either side may not judge the other's entries (ADR 0016).
    /// </summary>
    public IReadOnlyList<int> HelpedUnitIds { get; private set; } = [];

    /// <summary>Whether this kind of unit can be designated to help counties.</summary>
    public bool CanHelp => Kind is UnitKind.HelpingUnit or UnitKind.MunicipalUnit;

    /// <summary>Sets the units this unit is designated to help; returns whether anything changed.</summary>
    public bool SetHelped(IEnumerable<int> unitIds)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        List<int> ids = [.. unitIds.Distinct().Order()];
        if (ids.Count > 0 && !CanHelp)
        {
            throw new DomainException("Only a helping unit or a municipal unit is designated to help counties.");
        }

        if (ids.Contains(Id))
        {
            throw new DomainException("A unit cannot be designated to help itself.");
        }

        if (ids.SequenceEqual(HelpedUnitIds))
        {
            return false;
        }

        HelpedUnitIds = ids;
        return true;
    }

    /// <summary>Counties and helping units may nominate; the city itself organises.</summary>
    public bool CanNominate => Kind is UnitKind.County or UnitKind.HelpingUnit;

    /// <summary>Counties and helping units may themselves be nominated as organisations.</summary>
    public bool CanBeNominatedAsOrganisation => Kind is UnitKind.County or UnitKind.HelpingUnit;
}
