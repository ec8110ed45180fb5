using System.Text.RegularExpressions;
using System.Xml.Linq;
using Awards.Web.Infrastructure;

namespace Awards.Web.Tests.Features;

public sealed partial class LocalizationTests
{
    private static readonly string Source = Path.Combine(AppPaths.Root, "src", "Awards.Web");

    private static HashSet<string> Translated() =>
        XDocument.Load(Path.Combine(Source, "Resources", "SharedResource.zh-CN.resx"))
            .Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("Migrations", StringComparison.Ordinal));

    [Fact]
    public void EveryStringTheSiteShows_HasAChineseTranslation()
    {
        var translated = Translated();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            keys.UnionWith(LocalizerKey().Matches(text).Select(m => Regex.Unescape(m.Groups[1].Value)));
            keys.UnionWith(AnnotationText().Matches(text).Select(m => m.Groups[1].Value));
        }

        // Values shown through Labels and RoleNames are keys too.
        foreach (var file in new[] { "Infrastructure/Labels.cs", "Features/Users/RoleNames.cs" })
        {
            keys.UnionWith(LabelText().Matches(File.ReadAllText(Path.Combine(Source, file))).Select(m => m.Groups[1].Value).Where(k => !k.StartsWith("text-bg", StringComparison.Ordinal)));
        }

        var missing = keys.Where(k => !translated.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing zh-CN translations:\n" + string.Join("\n", missing));
        Assert.True(keys.Count > 150, $"only {keys.Count} keys found: is the pattern still right?");
    }

    [Theory]
    [InlineData("主办方", "组织方")]
    [InlineData("账户", "账号")]
    [InlineData("(北京时间)", "（北京时间）")]
    public void TheChineseTranslations_UseOneTermForOneThing(string avoided, string used)
    {
        var values = XDocument.Load(Path.Combine(Source, "Resources", "SharedResource.zh-CN.resx")).Root!.Elements("data").Select(d => d.Element("value")?.Value ?? "").ToList();

        Assert.DoesNotContain(values, v => v.Contains(avoided, StringComparison.Ordinal));
        Assert.Contains(values, v => v.Contains(used, StringComparison.Ordinal));
    }

    [Fact]
    public void NoTwoTranslations_DifferOnlyInCase()
    {
        // Resource names are case-insensitive: the build keeps one of two such keys and warns.
        var names = XDocument.Load(Path.Combine(Source, "Resources", "SharedResource.zh-CN.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);

        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>Broken rules reach the user as their message key, translated (DomainException).</summary>
    [Fact]
    public void EveryRuleMessage_HasAChineseTranslation()
    {
        var translated = Translated();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var core = Path.Combine(AppPaths.Root, "src", "Awards.Core");
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories).Concat(SourceFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal))))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match thrown in ThrownRule().Matches(text))
            {
                keys.UnionWith(StringLiteral().Matches(thrown.Groups[1].Value).Select(m => m.Groups[1].Value).Where(k => char.IsUpper(k[0])));
            }

            if (file.EndsWith("Messages.cs", StringComparison.Ordinal) || file.EndsWith("Warnings.cs", StringComparison.Ordinal))
            {
                keys.UnionWith(MessageConstant().Matches(text).Select(m => Regex.Unescape(m.Groups[1].Value)));
            }
        }

        var missing = keys.Where(k => !translated.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing zh-CN translations of rule messages:\n" + string.Join("\n", missing));
        Assert.True(keys.Count > 30, $"only {keys.Count} rule messages found: is the pattern still right?");
    }

    [Fact]
    public void DeadlineLabels_FromTheSchedule_AreTranslated()
    {
        var translated = Translated();
        var schedule = File.ReadAllText(Path.Combine(AppPaths.Root, "src", "Awards.Core", "Contests", "ContestSchedule.cs"));
        var labels = ScheduleLabel().Matches(schedule).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(5, labels.Count);
        Assert.All(labels, label => Assert.Contains(label, translated));
    }

    [GeneratedRegex("""\b[Ll]\[\s*"((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""new DomainException\(((?:[^;"]|"(?:[^"\\]|\\.)*")*);""")]
    private static partial Regex ThrownRule();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""const string \w+ =\s*"((?:[^"\\]|\\.)+)";""")]
    private static partial Regex MessageConstant();

    [GeneratedRegex("""(?:ErrorMessage = |Display\(Name = )"([^"]+)"\)?""")]
    private static partial Regex AnnotationText();

    [GeneratedRegex("""(?:=>|\?|:) "([^"]+)"[,;]?""")]
    private static partial Regex LabelText();

    [GeneratedRegex("""\("([A-Z][^"]+)", (?:SubmissionOpensAt|SubmissionClosesAt|JudgingClosesAt|NoticeStartsAt|NoticeEndsAt)\)""")]
    private static partial Regex ScheduleLabel();
}
