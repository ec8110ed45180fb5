using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Core.Units;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Units;

/// <summary>A unit the organizer adds under the city. Messages and display names are localization keys.</summary>
public sealed record NewUnitForm
{
    public const int MaxNameLength = 100;

    /// <summary>The kinds of unit an organizer adds: everything but the city itself.</summary>
    public static readonly IReadOnlyList<UnitKind> Kinds = [UnitKind.County, UnitKind.HelpingUnit, UnitKind.MunicipalUnit];

    [Required(ErrorMessage = "Please choose the kind of unit.")]
    [Display(Name = "Kind of unit")]
    public string? Kind { get; set; }

    /// <summary>The kind chosen, when it is one an organizer may add.</summary>
    public UnitKind? ChosenKind() =>
        Enum.TryParse<UnitKind>(Kind, ignoreCase: false, out var kind) && Kinds.Contains(kind) ? kind : null;

    [Required(ErrorMessage = "Please enter the unit's code.")]
    [RegularExpression(Slug.Pattern, ErrorMessage = "The unit's code: 2 to 40 lowercase letters, digits and hyphens, starting with a letter, such as water-bureau.")]
    [Display(Name = "Unit code")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the unit's name in Chinese.")]
    [StringLength(MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    public BilingualText Name() => new(NameZh.Trim(), NameEn?.Trim() ?? string.Empty);
}

/// <summary>A unit's names as the organizer corrects them, with the names the page was opened with.</summary>
public sealed record UnitNameForm
{
    [Required(ErrorMessage = "Please enter the unit's name in Chinese.")]
    [StringLength(NewUnitForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(NewUnitForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    /// <summary>The Chinese name when the page was opened: a save over someone else's rename is refused.</summary>
    public string? WasZh { get; set; }

    /// <summary>The English name when the page was opened.</summary>
    public string? WasEn { get; set; }

    public BilingualText Name() => new(NameZh.Trim(), NameEn?.Trim() ?? string.Empty);
}
