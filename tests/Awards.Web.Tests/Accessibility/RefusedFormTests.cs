using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Awards.Core.Results;
using Awards.Web.Tests.Infrastructure;
using Awards.Web.Tests.Security;

namespace Awards.Web.Tests.Accessibility;

/// <summary>
/// A refused form is where a screen-reader user most needs help: each main form, sent with bad input
/// the way a browser sends it, comes back as a page that keeps every <see cref="PageRules"/> rule, and
/// each refused field says it is invalid and points at its message; a refusal of the whole form is
/// an alert.
/// </summary>
public sealed class RefusedFormTests(AccessibilityScenario factory) : IClassFixture<AccessibilityScenario>
{
    /// <summary>A form opened on its page by an account, sent with some fields changed, and the fields that must come back refused.</summary>
    public sealed record Refusal(string? Account, string Page, string Action, Dictionary<string, string> Changes, string[] Refused);

    private static readonly Dictionary<string, Refusal> Refusals = new()
    {
        ["sign-in with a wrong password"] = new(null, "/account/login", "/account/login",
            new() { ["Email"] = "organizer@demo.example", ["Password"] = "Not-The-Password-1" }, []),
        ["registration with a mismatched password"] = new(null, "/account/register", "/account/register",
            new() { ["Form.Name"] = "赵小梅", ["Form.Email"] = "a11y.refused@example.org", ["Form.Phone"] = "13912345678", ["Form.Password"] = "Essay-Writer-2026", ["Form.ConfirmPassword"] = "Essay-Writer-2027" },
            ["Form.ConfirmPassword"]),
        ["a nomination draft missing required fields"] = new("coordinator.qingshan@demo.example", "/nominations/new/dedication", "/nominations/new/dedication",
            new() { ["Form.Title"] = string.Empty, ["Form.NomineeName"] = string.Empty }, ["Form.Title", "Form.NomineeName"]),
        ["an essay draft missing its title"] = new("a11y.new@example.org", "/essays/new/help-story", "/essays/new/help-story",
            new() { ["Form.Title"] = string.Empty, ["Form.Body"] = Writing.Text }, ["Form.Title"]),
        ["the invite form with a bad e-mail"] = new("organizer@demo.example", "/organizer/users/invite", "/organizer/users/invite",
            new() { ["Form.Email"] = "not-an-address", ["Form.Name"] = "王评委" }, ["Form.Email"]),
        ["the contest settings with dates out of order"] = new("organizer@demo.example", "/organizer/contest", "/organizer/contest",
            new() { ["SubmissionOpensAt"] = "2026-10-20 09:00", ["SubmissionClosesAt"] = "2026-10-10 18:00" }, ["SubmissionClosesAt"]),
        ["the objection form empty"] = new(null, "/notice", "/notice/objections",
            new() { ["Entry"] = string.Empty, ["Name"] = string.Empty, ["Contact"] = string.Empty, ["Text"] = string.Empty }, ["Name", "Contact", "Text"]),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var name in Refusals.Keys)
        {
            cases.Add(name, "zh-CN");
            cases.Add(name, "en");
        }

        return cases;
    }

    private readonly Accounts _accounts = new(factory);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RefusedForm_KeepsTheRules_AndPointsEachFieldAtItsMessage(string form, string language)
    {
        var refusal = Refusals[form];
        var query = language == "en" ? "?culture=en" : string.Empty;
        var browser = await _accounts.AsAsync(refusal.Account);
        if (refusal.Page == "/notice")
        {
            await NoticeOpenAsync();
        }

        var fields = Fields(new HtmlParser().ParseDocument(await browser.GetStringAsync(refusal.Page + query)), refusal.Action);
        foreach (var (name, value) in refusal.Changes)
        {
            fields[name] = value;
        }

        using var response = await browser.Client.PostAsync(refusal.Action + query, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{form}: {(int)response.StatusCode} {response.Headers.Location}");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var failures = PageRules.Check(page, language).ToList();
        failures.AddRange(RefusedFields(page, refusal.Refused));
        Assert.True(failures.Count == 0, $"{form} ({language}), {failures.Count} failures:\n" + string.Join("\n", failures));
    }

    /// <summary>The scenario's results are final: an award on notice takes objections (its one nomination ranked first).</summary>
    private async Task NoticeOpenAsync()
    {
        if (!factory.WithDb(db => db.TrackResults.Any(r => r.Stage == ResultStage.Notice)))
        {
            Judged.Score(factory, "org-innovation", [90, 90, 90]);
            await Judged.PublishAsync(factory, await _accounts.AsAsync("organizer@demo.example"), "org-innovation", 1, 0, 0, 0);
        }
    }

    /// <summary>What a screen reader misses on a refused form: a field not said to be invalid, a message it cannot reach, a refusal not announced.</summary>
    private static IEnumerable<string> RefusedFields(IDocument page, string[] refused)
    {
        foreach (var name in refused)
        {
            var field = page.QuerySelectorAll($"[name=\"{name}\"]").FirstOrDefault(f => f.GetAttribute("type") != "hidden");
            if (field is null)
            {
                yield return $"no field {name} on the page that came back";
            }
            else if (field.GetAttribute("aria-invalid") != "true")
            {
                yield return $"refused field without aria-invalid=\"true\": {name}";
            }
        }

        foreach (var field in page.QuerySelectorAll("[aria-invalid=true]"))
        {
            var messages = (field.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(page.GetElementById);
            if (!messages.Any(m => m is not null && !string.IsNullOrWhiteSpace(m.TextContent)))
            {
                yield return $"invalid field not described by its message: {field.GetAttribute("name")} aria-describedby=\"{field.GetAttribute("aria-describedby")}\"";
            }
        }

        // A message shown under a field that the field does not point at is never read with it.
        foreach (var message in page.QuerySelectorAll("[id$=-error]").Where(m => !string.IsNullOrWhiteSpace(m.TextContent)))
        {
            if (!page.QuerySelectorAll("[aria-describedby]").Any(f => f.GetAttribute("aria-describedby")!.Split(' ').Contains(message.Id)))
            {
                yield return $"message no field points at: #{message.Id} \"{message.TextContent.Trim()}\"";
            }
        }

        // A refusal of the whole form is read out when the page comes back.
        if (refused.Length == 0 && !page.QuerySelectorAll("[role=alert]").Any(a => !string.IsNullOrWhiteSpace(a.TextContent)))
        {
            yield return "the form was refused as a whole, but no alert says why";
        }
    }

    /// <summary>The fields a browser sends from the form posting to <paramref name="action"/>, as the page filled them.</summary>
    private static Dictionary<string, string> Fields(IDocument page, string action)
    {
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action")?.Split('?')[0] == action);
        Assert.True(form is not null, $"no form posting to {action}");
        var fields = new Dictionary<string, string>();
        foreach (var control in form!.QuerySelectorAll("input[name], textarea[name], select[name]").Where(c => c.Closest("template") is null))
        {
            var type = control.GetAttribute("type")?.ToLowerInvariant();
            var name = control.GetAttribute("name")!;
            if (type is "submit" or "button" or "file" || (type is "checkbox" or "radio" && !control.HasAttribute("checked")))
            {
                continue;
            }

            var value = control.LocalName switch
            {
                "textarea" => control.TextContent,
                "select" => (control.QuerySelector("option[selected]") ?? control.QuerySelector("option"))?.GetAttribute("value") ?? string.Empty,
                _ => control.GetAttribute("value") ?? string.Empty,
            };
            fields.TryAdd(name, value);
        }

        return fields;
    }
}
