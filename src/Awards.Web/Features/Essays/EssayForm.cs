using System.ComponentModel.DataAnnotations;
using Awards.Core.Entries;

namespace Awards.Web.Features.Essays;

/// <summary>The essay form: a title, the Markdown text, and the originality declaration.</summary>
public sealed record EssayForm
{
    /// <summary>A hard cap on the raw text a draft can hold; the theme's limits apply on submission.</summary>
    public const int MaxRawLength = 60_000;

    [Required(ErrorMessage = "Please enter the essay's title.")]
    [StringLength(200, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the essay's text.")]
    [StringLength(MaxRawLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Essay text")]
    public string Body { get; set; } = string.Empty;

    [Display(Name = "I declare that this essay is my own original work, not published before, and I agree that it may be published in the anthology if it wins a prize.")]
    public bool Original { get; set; }

    /// <summary>A random key per form (see <see cref="Entry.CreationKey"/>).</summary>
    [StringLength(40)]
    public string? FormKey { get; set; }

    /// <summary>What the entry held when the form was opened (<see cref="Entries.EntryWorkflow.VersionOf"/>); null for a new essay.</summary>
    [StringLength(40)]
    public string? Version { get; set; }

    public static EssayForm From(Entry entry) => new()
    {
        Version = Entries.EntryWorkflow.VersionOf(entry),
        Title = entry.Title,
        Body = entry.Body,
        Original = entry.DeclaredOriginalAt is not null,
    };
}
