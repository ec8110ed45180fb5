using System.Globalization;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Scores, means and spreads as pages show them: always two decimals ("66.25", "49.00", "46.90"),
/// so that a column of scores lines up and no score looks more precise than another.
/// </summary>
public static class ScoreText
{
    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Empty for no score (a draft or an entry not scored yet).</summary>
    public static string Format(decimal? value) => value is decimal v ? Format(v) : "";

    /// <summary>A difference with its sign: "+3.40", "-1.25", "0.00".</summary>
    public static string WithSign(decimal value) => (value > 0 ? "+" : "") + Format(value);
}
