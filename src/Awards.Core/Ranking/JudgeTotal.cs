namespace Awards.Core.Ranking;

/// <summary>
/// One judge's total for an entry, raw and normalized. A judge with enough scores (see
/// <see cref="RankingSettings.MinScoresToNormalize"/>) that are not all equal is normalized: the
/// total's distance from the judge's own mean, in the judge's standard deviations, is put on the
/// whole pool of totals (mean + z × standard deviation of all the round's totals), kept within
/// the scale and rounded to 2 places. Any other judge's normalized total is the raw one.
/// </summary>
/// <param name="Judge">The judge's name.</param>
/// <param name="Raw">The submitted total.</param>
/// <param name="Normalized">The total on the pool's footing.</param>
/// <param name="WasNormalized">False when the judge had too few scores, or all equal.</param>
public sealed record JudgeTotal(string Judge, decimal Raw, decimal Normalized, bool WasNormalized);
