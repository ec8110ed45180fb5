using System.Net;
using System.Text.RegularExpressions;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>A form's fields as the page fills them, as a browser would send them back.</summary>
public static partial class FormFields
{
    /// <summary>The inputs and textareas of the form marked <c>data-testid="<paramref name="testId"/>"</c>, without its antiforgery token.</summary>
    public static Dictionary<string, string> Read(string html, string testId)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no form {testId} on the page");
        // A template's fields are not the form's until a script copies them in.
        var form = Template().Replace(html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)], string.Empty);
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputField().Matches(form))
        {
            // An unticked box sends nothing (its hidden "false", after it, does). A ticked one sends
            // its value before that "false", and MVC binds the first value of a name: the first stays.
            var unticked = input.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !input.Value.Contains(" checked", StringComparison.Ordinal);
            if (input.Groups["name"].Value != "__RequestVerificationToken" && !unticked)
            {
                fields.TryAdd(input.Groups["name"].Value, WebUtility.HtmlDecode(input.Groups["value"].Value));
            }
        }

        foreach (Match area in TextArea().Matches(form))
        {
            // A textarea's content starts after one line break, which the browser drops.
            fields[area.Groups["name"].Value] = WebUtility.HtmlDecode(area.Groups["value"].Value).TrimStart('\r').TrimStart('\n');
        }

        return fields;
    }

    /// <summary>The fields with the session's antiforgery token, ready to post.</summary>
    public static FormUrlEncodedContent WithToken(Dictionary<string, string> fields, string token) =>
        new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

    [GeneratedRegex("<input [^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex InputField();

    [GeneratedRegex("<template[\\s\\S]*?</template>")]
    private static partial Regex Template();

    [GeneratedRegex("<textarea [^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<value>[^<]*)</textarea>")]
    private static partial Regex TextArea();
}
