using System.Globalization;
using System.Net;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>A judge submitting scores as the scoring form does, and learning from the next page whether they were saved.</summary>
public static class Scores
{
    /// <summary>
    /// Submits every criterion at <paramref name="value"/> from the score's <paramref name="version"/>.
    /// Confirmed only when the page the site redirects to says so (a refused save redirects too,
    /// with a message instead); the judge's client must be in English.
    /// </summary>
    public static async Task<(HttpStatusCode Status, bool Confirmed, string Failure)> SubmitAsync(SiteClient judge, string token, int round, string code, IEnumerable<int> criteria, decimal value, int version, string comment)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var fields = criteria.Select(c => KeyValuePair.Create($"c{c}", text))
            .Concat([new("version", version.ToString(CultureInfo.InvariantCulture)), new("action", "submit"), new("comment", comment)]);
        using var response = await judge.PostAsync($"/judge/rounds/{round}/{code}", token, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return (response.StatusCode, false, $"{code}: {(int)response.StatusCode}");
        }

        var shown = await judge.GetStringAsync(response.Headers.Location!.OriginalString);
        return (response.StatusCode, shown.Contains($"Your scores for {code} are submitted.", StringComparison.Ordinal), $"{code}: no confirmation on the page");
    }
}
