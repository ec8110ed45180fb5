namespace Awards.Core.Ranking;

/// <summary>One judging round's scores in a ranking that draws on more than one round.</summary>
/// <param name="Scores">Every submitted total of the round; a judge's totals are normalized together.</param>
/// <param name="Leave">
/// Entries of the round not to rank on it: those that went on to a later round, which ranks them
/// (or names them unscored).
/// </param>
public sealed record RankingTier(IReadOnlyList<JudgeScore> Scores, IReadOnlySet<int> Leave);
