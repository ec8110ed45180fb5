using System.Text.Json;
using System.Text.RegularExpressions;
using Awards.Web.Infrastructure;

namespace Awards.Web.Tests.Data;

/// <summary>
/// The demo data shows up in every walkthrough: what a nomination's form says of its nominee (the
/// birth year) must be what its deeds say, and the home page's rules keep their headings in order.
/// </summary>
public sealed partial class SeedConsistencyTests
{
    private static readonly string Seed = Path.Combine(AppPaths.Root, "seed");

    [Fact]
    public void EveryNominee_IsBornInTheYear_TheirDeedsSay()
    {
        using var entries = JsonDocument.Parse(File.ReadAllText(Path.Combine(Seed, "demo-entries.json")));
        var checkedNominees = 0;
        foreach (var nomination in entries.RootElement.GetProperty("nominations").EnumerateArray())
        {
            if (!nomination.TryGetProperty("nominee", out var nominee))
            {
                continue;
            }

            var year = nominee.GetProperty("birthYear").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var deeds = File.ReadAllText(Path.Combine(Seed, nomination.GetProperty("deedsFile").GetString()!));
            var said = BirthYear().Matches(deeds).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
            Assert.NotEmpty(said);
            Assert.All(said, y => Assert.Equal(year, y));
            checkedNominees++;
        }

        Assert.True(checkedNominees >= 3, $"{checkedNominees} nominees checked");
    }

    [Theory]
    [InlineData("rules.en.md")]
    [InlineData("rules.zh-CN.md")]
    public void TheRules_NestNoHeadingUnderAnother(string file)
    {
        // Every section of the rules is a sibling of the others: the home page shows them as h3 under its h2.
        var levels = Regex.Matches(File.ReadAllText(Path.Combine(Seed, file)), "^(#+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Length).Distinct().ToList();
        Assert.Equal([2], levels);
    }

    [GeneratedRegex(@"(\d{4})年出生|born in (\d{4})")]
    private static partial Regex BirthYear();
}
