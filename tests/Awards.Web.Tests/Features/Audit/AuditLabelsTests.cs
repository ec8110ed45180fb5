using System.Text.RegularExpressions;
using System.Xml.Linq;
using Awards.Web.Features.Audit;
using Awards.Web.Infrastructure;

namespace Awards.Web.Tests.Features.Audit;

/// <summary>Every action the site writes to the audit log is shown to the organizer in words, in Chinese.</summary>
public sealed partial class AuditLabelsTests
{
    private static readonly string Source = Path.Combine(AppPaths.Root, "src", "Awards.Web");

    [Fact]
    public void EveryRecordedAction_HasALabel()
    {
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);

            // Rows written directly, as the seed and the generator write theirs.
            if (text.Contains("new AuditEntry", StringComparison.Ordinal))
            {
                actions.UnionWith(DirectAction().Matches(text).Select(m => m.Groups[1].Value));
            }

            foreach (Match m in RecordedAction().Matches(text))
            {
                var action = m.Groups[2].Value;
                // EntryWorkflow names the kind of entry in front: "{Noun(entry)} submitted".
                actions.UnionWith(action.StartsWith("{Noun(entry)}", StringComparison.Ordinal)
                    ? [action.Replace("{Noun(entry)}", "Nomination", StringComparison.Ordinal), action.Replace("{Noun(entry)}", "Essay", StringComparison.Ordinal)]
                    : [action]);
            }
        }

        Assert.True(actions.Count > 30, $"only {actions.Count} actions found: is the pattern still right?");
        var missing = actions.Where(a => !AuditLabels.Actions.ContainsKey(a)).ToList();
        Assert.True(missing.Count == 0, "Audit actions without a label in AuditLabels:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryLabel_HasAChineseTranslation()
    {
        var translated = XDocument.Load(Path.Combine(Source, "Resources", "SharedResource.zh-CN.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = AuditLabels.Actions.Values.Concat(AuditLabels.Entities.Values).Where(l => !translated.Contains(l)).ToList();

        Assert.True(missing.Count == 0, "Audit labels without a zh-CN translation:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(""""(audit|journal)\.Record(?:File)?\((?:entry, )?\$?"([^"]+)"""")]
    private static partial Regex RecordedAction();

    [GeneratedRegex(""""\bAction = "([^"]+)","""")]
    private static partial Regex DirectAction();
}
