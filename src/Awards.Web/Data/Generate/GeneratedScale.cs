namespace Awards.Web.Data.Generate;

/// <summary>
/// The size of a generated contest. Every nominating unit nominates its 2 per award (the seed's
/// per-unit limit) for each of the 5 awards, and every author writes one essay per theme.
/// </summary>
public sealed record GeneratedScale(string Name, int Nominations, int Essays, int Judges)
{
    public const int NominationsPerUnit = 10;

    /// <summary>A tenth of the city: quick to make, for tries and for the tests that compare a small contest with a large one.</summary>
    public static readonly GeneratedScale Town = new("town", 20, 200, 12);

    public static readonly GeneratedScale City = new("city", 200, 2_000, 60);

    public static readonly GeneratedScale Province = new("province", 2_000, 20_000, 300);

    public int NominatingUnits => Nominations / NominationsPerUnit;

    public int Authors => Essays / 2;

    public static GeneratedScale? Named(string? name) => name switch
    {
        "town" => Town,
        "city" => City,
        "province" => Province,
        _ => null,
    };
}

/// <summary>What <see cref="ContestGenerator"/> wrote.</summary>
public sealed record GeneratedContest(
    int Units,
    int Accounts,
    int Nominations,
    int Essays,
    int Assignments,
    int Scores);
