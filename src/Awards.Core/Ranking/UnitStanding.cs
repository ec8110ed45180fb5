namespace Awards.Core.Ranking;

/// <summary>How a unit's entries did together.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Entries">Its entries.</param>
/// <param name="Scored">Its entries with a score.</param>
/// <param name="AverageScore">The mean of its scores (2 places); null when none was scored.</param>
/// <param name="Prizes">Its entries with a level.</param>
/// <param name="PrizePoints">The sum of its levels' weights.</param>
/// <param name="Place">Its place; units equal on everything but their id share it.</param>
public sealed record UnitStanding(
    int UnitId, int Entries, int Scored, decimal? AverageScore, int Prizes, decimal PrizePoints, int Place);
