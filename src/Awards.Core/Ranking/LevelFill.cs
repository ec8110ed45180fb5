namespace Awards.Core.Ranking;

/// <summary>How many entries a prize level went to, overrides included.</summary>
public sealed record LevelFill(int Rank, int Quota, int Filled)
{
    /// <summary>The prizes of the level nobody got (0 when the level is full or over its quota).</summary>
    public int Unfilled => Math.Max(0, Quota - Filled);
}
