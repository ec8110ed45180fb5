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

            // Actions named once as constants ("RemindJudges"), and each side of a choice.
            actions.UnionWith(ActionConstant().Matches(text).Select(m => m.Groups[1].Value));
            actions.UnionWith(ChosenAction().Matches(text).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }));

            // A method that takes the action as a parameter and records it: the literal each call passes.
            foreach (Match declared in ActionParameter().Matches(text))
            {
                var end = text.IndexOf("\n    }\n", declared.Index, StringComparison.Ordinal);
                var body = text[declared.Index..(end < 0 ? text.Length : end)];
                // The journal's Record and RecordFile forward too; their calls are read above.
                if (declared.Groups[1].Value is "Record" or "RecordFile" || !Regex.IsMatch(body, $@"\.Record(?:File)?\((?:entry, )?{declared.Groups[3].Value}\b"))
                {
                    continue;
                }

                actions.UnionWith(PassedActions(declared.Groups[1].Value, declared.Groups[2].Value.Count(c => c == ',')));
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

    /// <summary>The literal actions the site's calls of <paramref name="method"/> pass at <paramref name="index"/>.</summary>
    private static IEnumerable<string> PassedActions(string method, int index)
    {
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in Regex.Matches(text, $@"\b{method}\("))
            {
                if (Arguments(text, call.Index + call.Length).ElementAtOrDefault(index) is { } argument && Literal().Match(argument) is { Success: true } literal)
                {
                    yield return literal.Groups[1].Value;
                }
            }
        }
    }

    /// <summary>The arguments of a call whose list starts at <paramref name="start"/>, split at its own commas.</summary>
    private static List<string> Arguments(string text, int start)
    {
        List<string> arguments = [];
        var (depth, from, quoted) = (0, start, false);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                quoted = !(c == '"' && text[i - 1] != '\\');
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && depth > 0)
            {
                depth--;
            }
            else if ((c == ',' && depth == 0) || c is ')' or ';')
            {
                arguments.Add(text[from..i].Trim());
                from = i + 1;
                if (c != ',')
                {
                    break;
                }
            }
        }

        return arguments;
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

    [GeneratedRegex(""""const string \w*Action = "([^"]+)";"""")]
    private static partial Regex ActionConstant();

    [GeneratedRegex(""""(?:audit|journal)\.Record\([^,;"]*\? "([^"]+)" : "([^"]+)","""")]
    private static partial Regex ChosenAction();

    // "Task ChangedAsync(AppUser me, string action, ...": the method's name, the parameters before the action's.
    [GeneratedRegex(@"\b(\w+)\(([^(){};]*?)string (action|auditAction)\b")]
    private static partial Regex ActionParameter();

    [GeneratedRegex(""""^"([^"]+)"$"""")]
    private static partial Regex Literal();

    [GeneratedRegex(""""\bAction = "([^"]+)","""")]
    private static partial Regex DirectAction();
}
