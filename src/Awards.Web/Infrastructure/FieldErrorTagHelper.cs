using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Ties a refused field to its message for assistive technology: the message under a field
/// (<c>asp-validation-for</c>) gets an id, and the field (<c>asp-for</c>) gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> naming that message while the server
/// refused it. Runs after the framework's own tag helpers, on the elements they render.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    /// <summary>The id of a field's message, from the field's full name (Form.Title: Form_Title-error).</summary>
    public static string MessageId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if ((For ?? ValidationFor) is not { } expression)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", MessageId(name));
            return;
        }

        if (output.Attributes["type"]?.Value?.ToString() == "hidden"
            || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? MessageId(name) : $"{described} {MessageId(name)}");
    }
}
