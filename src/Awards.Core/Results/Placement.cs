namespace Awards.Core.Results;

/// <summary>
/// One entry's place as published: written when the results go on notice, so the notice, the
/// final results and what authors see never change when anything is recomputed.
/// </summary>
public class Placement
{
    public Placement(int trackResultId, int entryId, int position, int place, decimal score, int? levelRank, bool overridden)
    {
        TrackResultId = trackResultId;
        EntryId = entryId;
        Position = position;
        Place = place;
        Score = score;
        LevelRank = levelRank;
        Overridden = overridden;
        VerifyCode = Results.VerifyCode.New();
    }

    private Placement()
    {
        VerifyCode = string.Empty;
    }

    public int Id { get; private set; }

    public int TrackResultId { get; private set; }

    /// <summary>The entry; for the Outstanding Organization Award, null and <see cref="UnitId"/> is set.</summary>
    public int? EntryId { get; private set; }

    public int? UnitId { get; private set; }

    public int Position { get; private set; }

    public int Place { get; private set; }

    public decimal Score { get; private set; }

    public int? LevelRank { get; private set; }

    public bool Overridden { get; private set; }

    /// <summary>The code on the certificate of this place; <c>/verify/{code}</c> confirms it once the results are final.</summary>
    public string VerifyCode { get; private set; }

    public static Placement ForUnit(int trackResultId, int unitId, int position, int levelRank) =>
        new() { TrackResultId = trackResultId, UnitId = unitId, Position = position, Place = position, LevelRank = levelRank, VerifyCode = Results.VerifyCode.New() };
}
