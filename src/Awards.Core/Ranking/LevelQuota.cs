namespace Awards.Core.Ranking;

/// <summary>A prize level and how many entries it goes to.</summary>
/// <param name="Rank">1 is the highest prize level.</param>
/// <param name="Quota">How many entries get the level; 0 skips it.</param>
public sealed record LevelQuota(int Rank, int Quota);
