using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.TrackSettings;

/// <summary>
/// A new award or essay theme, set up like an existing one (<c>Track.CopyAs</c>): its code (the
/// part of its web address), its names, and the track it copies. Messages and display names are
/// localization keys.
/// </summary>
public sealed record NewTrackForm
{
    [Required(ErrorMessage = "Please choose the award or theme to set it up like.")]
    [Display(Name = "Set up like")]
    public string From { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter a web address code, such as village-story.")]
    [RegularExpression(Slug.Pattern, ErrorMessage = "The code goes into the award's web address: 2 to 40 lowercase letters, digits and hyphens, starting with a letter, such as village-story.")]
    [Display(Name = "Web address code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the name in Chinese.")]
    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    public BilingualText Name() => new(NameZh.Trim(), NameEn?.Trim() ?? string.Empty);
}
