using System.ComponentModel.DataAnnotations;
using Awards.Core.Entries;

namespace Awards.Web.Features.Nominations;

/// <summary>
/// The nomination form. The person fields apply to individual awards, the unit to the
/// Organizational Innovation Award; <see cref="Nominations.Validate"/> checks which are required.
/// </summary>
public sealed record NominationForm
{
    public const int MaxOpinionLength = 2_000;

    /// <summary>A hard cap on the raw text a draft can hold; the track's limits apply on submission.</summary>
    public const int MaxRawDeedsLength = 60_000;

    [Required(ErrorMessage = "Please enter the title of the deeds.")]
    [StringLength(200, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Title of the deeds")]
    public string Title { get; set; } = string.Empty;

    [StringLength(100, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Nominee's name")]
    public string? NomineeName { get; set; }

    [Display(Name = "Gender")]
    public Gender? NomineeGender { get; set; }

    [Range(1920, 2010, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Year of birth")]
    public int? NomineeBirthYear { get; set; }

    [StringLength(200, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Unit and position")]
    public string? NomineePosition { get; set; }

    [StringLength(100, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Contact")]
    public string? NomineeContact { get; set; }

    [Display(Name = "Nominated unit")]
    public string? NomineeUnit { get; set; }

    [Required(ErrorMessage = "Please enter the deeds.")]
    [StringLength(MaxRawDeedsLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Deeds")]
    public string Deeds { get; set; } = string.Empty;

    [StringLength(MaxOpinionLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Recommending unit's opinion")]
    public string? Opinion { get; set; }

    /// <summary>A random key per form (see <see cref="Entry.CreationKey"/>).</summary>
    [StringLength(40)]
    public string? FormKey { get; set; }

    /// <summary>What the nomination held when the form was opened (<see cref="Entries.EntryWorkflow.VersionOf"/>); null for a new one.</summary>
    [StringLength(40)]
    public string? Version { get; set; }

    public static NominationForm From(Entry entry, string? nomineeUnitCode) => new()
    {
        Version = Entries.EntryWorkflow.VersionOf(entry),
        Title = entry.Title,
        NomineeName = entry.Nominee?.Name,
        NomineeGender = entry.Nominee?.Gender,
        NomineeBirthYear = entry.Nominee?.BirthYear,
        NomineePosition = entry.Nominee?.Position,
        NomineeContact = entry.Nominee?.Contact,
        NomineeUnit = nomineeUnitCode,
        Deeds = entry.Body,
        Opinion = entry.RecommendationOpinion,
    };
}
