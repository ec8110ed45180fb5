namespace Awards.Core.Tracks;

public enum TrackKind
{
    /// <summary>Units nominate people or organisations (the five nominated awards).</summary>
    Nomination,

    /// <summary>Authors submit essays on a theme.</summary>
    Essay,

    /// <summary>An award to units for how they organised participation, chosen from statistics.</summary>
    UnitAward,
}

public enum Entrant
{
    Individual,
    Organisation,
}
