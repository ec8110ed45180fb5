using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Awards.Core.Common;
using Awards.Core.Tracks;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.TrackSettings;

/// <summary>
/// What the organizer changes of one track while the contest runs: its name and description,
/// its entry limits, and its rubric's wording, weights and score ranges. Numbers arrive as text
/// and are read here, so that a mistyped one gets a localized message naming the field.
/// Messages and display names are localization keys.
/// </summary>
public sealed record TrackSettingsForm : IStampedForm
{
    public const int MaxNameLength = 100;

    public const int MaxDescriptionLength = 2_000;

    /// <summary>The longest text a track may ask for, in characters.</summary>
    public const int MaxTextLength = 100_000;

    public const int MaxPerUnit = 1_000;

    public const int MaxPerAuthor = 100;

    public const string WholeNumberMessage = "{0} must be a whole number from {1} to {2}.";

    public const string PercentMessage = "\"{0}\" is not a percentage: use a number above 0 and at most 100, such as 30.";

    public const string DateMessage = "\"{0}\" is not a date and time; use the form 2026-10-17 18:00.";

    /// <summary>The largest quota a prize level may have (the results page's bound).</summary>
    public const int MaxQuota = 1_000;

    public const string WeightMessage = "\"{0}\" is not a weight: use a number above 0 and at most 1, with at most four decimals, such as 0.25.";

    [Required(ErrorMessage = "Please enter the name in Chinese.")]
    [StringLength(MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    [StringLength(MaxDescriptionLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Description (Chinese)")]
    public string? DescriptionZh { get; set; }

    [StringLength(MaxDescriptionLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Description (English)")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Please enter the fewest characters an entry may have.")]
    [Display(Name = "Fewest characters")]
    public string MinLength { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the most characters an entry may have.")]
    [Display(Name = "Most characters")]
    public string MaxLength { get; set; } = string.Empty;

    [Display(Name = "Entries per unit")]
    public string? PerUnit { get; set; }

    [Display(Name = "Entries per account")]
    public string? PerAuthor { get; set; }

    /// <summary>Whether judges never see who is nominated (a nominated award only; an essay is always blind).</summary>
    [Display(Name = "Blind judging")]
    public bool Blind { get; set; } = true;

    /// <summary>Whether a judge who has submitted sees the other judges' scores for the same entry, without their names.</summary>
    [Display(Name = "Judges see the panel's scores after submitting their own")]
    public bool PanelScores { get; set; }

    public List<CriterionFields> Criteria { get; set; } = [];

    public List<LevelFields> Levels { get; set; } = [];

    public List<RoundFields> Rounds { get; set; } = [];

    /// <summary>The settings as they were when the page was opened (<see cref="StampOf"/>): a save from an older page is refused.</summary>
    public string? Stamp { get; set; }

    public static TrackSettingsForm From(Track track)
    {
        ArgumentNullException.ThrowIfNull(track);
        var current = Read(track);
        return new TrackSettingsForm
        {
            NameZh = track.Name.Zh,
            NameEn = track.Name.En,
            DescriptionZh = track.Description.Zh,
            DescriptionEn = track.Description.En,
            MinLength = Number(track.Limits.MinLength),
            MaxLength = Number(track.Limits.MaxLength),
            PerUnit = track.Limits.PerUnit is int unit ? Number(unit) : null,
            PerAuthor = track.Limits.PerAuthor is int author ? Number(author) : null,
            Blind = track.IsBlind,
            PanelScores = track.ShowsPanelScores,
            Criteria = [.. track.Criteria.OrderBy(c => c.Order).Select(c => new CriterionFields
            {
                Order = c.Order,
                NameZh = c.Name.Zh,
                NameEn = c.Name.En,
                DescriptionZh = c.Description.Zh,
                DescriptionEn = c.Description.En,
                Weight = c.Weight.ToString("0.####", CultureInfo.InvariantCulture),
                MinScore = Number(c.MinScore),
                MaxScore = Number(c.MaxScore),
            })],
            Levels = [.. track.AwardLevels.OrderBy(l => l.Rank).Select(l => new LevelFields { Rank = l.Rank, NameZh = l.Name.Zh, NameEn = l.Name.En, Quota = Number(l.Quota), Bonus = l.Bonus == 0 ? null : Number(l.Bonus) })],
            Rounds = [.. current.Rounds.Select(r => new RoundFields
            {
                Sequence = r.Sequence,
                NameZh = r.Name.Zh,
                NameEn = r.Name.En,
                JudgesPerEntry = Number(r.JudgesPerEntry),
                ShortlistTop = r.ShortlistTop is int top ? Number(top) : null,
                ShortlistPercent = r.ShortlistPercent?.ToString("0.##", CultureInfo.InvariantCulture),
            })],
            Stamp = StampOf(Describe(current)),
        };
    }

    /// <summary>The stamp of settings as <see cref="Describe"/> writes them: a digest of everything this form changes.</summary>
    public static string StampOf(string description) => TextDigest.Of(description)[..32];

    /// <summary>The track's settings as they are now.</summary>
    public static Settings Read(Track track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return new Settings(
            track.Name,
            track.Description,
            track.Limits,
            track.IsBlind,
            [.. track.Criteria.OrderBy(c => c.Order).Select(c => new CriterionRevision(c.Order, c.Name, c.Description, c.Weight, c.MinScore, c.MaxScore))],
            [.. track.AwardLevels.OrderBy(l => l.Rank).Select(l => new LevelRevision(l.Rank, l.Name, Bonus: l.Bonus))],
            [.. track.Rounds.OrderBy(r => r.Sequence).Select((r, i) => i == track.Rounds.Count - 1
                ? new RoundRevision(r.Sequence, r.Name, r.JudgesPerEntry, null, null) // the last round has no shortlist
                : new RoundRevision(r.Sequence, r.Name, r.JudgesPerEntry, r.ShortlistTop, r.ShortlistPercent))],
            track.ShowsPanelScores);
    }

    /// <summary>Everything the settings hold, one value per line: two equal descriptions are equal settings.</summary>
    public static string Describe(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder()
            .AppendLine(settings.Name.Zh).AppendLine(settings.Name.En)
            .AppendLine(settings.Description.Zh).AppendLine(settings.Description.En)
            .AppendLine(CultureInfo.InvariantCulture, $"{settings.Limits.MinLength}/{settings.Limits.MaxLength}/{settings.Limits.PerUnit}/{settings.Limits.PerAuthor}")
            .AppendLine(settings.Blind ? "blind" : "open")
            .AppendLine(settings.PanelScores ? "panel scores shown" : "panel scores hidden");
        foreach (var c in settings.Criteria)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{c.Order}/{c.Weight:0.####}/{c.MinScore}/{c.MaxScore}")
                .AppendLine(c.Name.Zh).AppendLine(c.Name.En).AppendLine(c.Description.Zh).AppendLine(c.Description.En);
        }

        foreach (var level in settings.Levels)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"level {level.Rank}/{level.Quota}/{level.Bonus}").AppendLine(level.Name.Zh).AppendLine(level.Name.En);
        }

        foreach (var round in settings.Rounds)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"round {round.Sequence}/{round.JudgesPerEntry}/{round.ShortlistTop}/{round.ShortlistPercent:0.##}/{round.ClosesAt:O}").AppendLine(round.Name.Zh).AppendLine(round.Name.En);
        }

        return text.ToString();
    }

    /// <summary>
    /// The settings for the audit log: the names, the limits and each criterion's weight and range
    /// as they are; the descriptions by digest, which shows that they changed without copying them.
    /// </summary>
    public static string AuditSummary(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limits = settings.Limits;
        var criteria = string.Join(", ", settings.Criteria.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name.Zh} {c.Weight:0.####} ({c.MinScore}–{c.MaxScore})")));
        var descriptions = string.Join("\n", settings.Criteria.Select(c => c.Description.Zh + "\n" + c.Description.En).Prepend(settings.Description.Zh + "\n" + settings.Description.En));
        var levels = string.Join(", ", settings.Levels.Select(l => (l.Rank == 0 ? string.Create(CultureInfo.InvariantCulture, $"{l.Name.Zh} (new, quota {l.Quota})") : l.Name.Zh) + (l.Bonus is > 0 ? string.Create(CultureInfo.InvariantCulture, $" bonus {l.Bonus} yuan") : string.Empty)));
        var rounds = string.Join(", ", settings.Rounds.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name.Zh} {r.JudgesPerEntry} judges{(r.ShortlistTop is int top ? $", top {top}" : r.ShortlistPercent is decimal p ? $", top {p:0.##}%" : string.Empty)}{(r.ClosesAt is DateTime closes ? $" (new, closes {SiteTime.AuditValue(closes)})" : string.Empty)}")));
        return string.Create(CultureInfo.InvariantCulture, $"{settings.Name.Zh} / {settings.Name.En}; {(settings.Blind ? "blind" : "open")}{(settings.PanelScores ? ", panel scores shown after submitting" : string.Empty)}; {limits.MinLength}–{limits.MaxLength} characters, per unit {limits.PerUnit?.ToString(CultureInfo.InvariantCulture) ?? "-"}, per account {limits.PerAuthor?.ToString(CultureInfo.InvariantCulture) ?? "-"}; {criteria}; levels {levels}; rounds {rounds}; descriptions {TextDigest.Of(descriptions)[..8]}");
    }

    /// <summary>
    /// The settings typed, or null with a message on each field whose number cannot be read;
    /// <paramref name="error"/> gets the field, the message's key and its arguments: the field's
    /// display name (a key too) and the allowed range, or none when the message is a sentence of its own.
    /// </summary>
    public Settings? Parse(Action<string, string, string[]> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var ok = true;
        int? Whole(string field, string name, string? value, int min, int max, bool optional = false)
        {
            if (optional && string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                // A blank required number has its [Required] message already.
                error(field, WholeNumberMessage, [name, Number(min), Number(max)]);
            }

            ok = false;
            return null;
        }

        // A number above 0 and at most max, with at most the given decimals (a weight, a
        // percentage: a trailing unit such as % is allowed), read and refused like a whole number.
        decimal? Fraction(string field, string message, string? value, decimal max, int decimals, bool optional = false, char? unit = null)
        {
            if (optional && string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value?.Trim();
            if (decimal.TryParse(unit is char u ? text?.TrimEnd(u) : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= max && decimal.Round(number, decimals) == number)
            {
                return number;
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                error(field, message, [text]);
            }

            ok = false;
            return null;
        }

        var minLength = Whole(nameof(MinLength), "Fewest characters", MinLength, 0, MaxTextLength);
        var maxLength = Whole(nameof(MaxLength), "Most characters", MaxLength, 0, MaxTextLength);
        var perUnit = Whole(nameof(PerUnit), "Entries per unit", PerUnit, 1, MaxPerUnit, optional: true);
        var perAuthor = Whole(nameof(PerAuthor), "Entries per account", PerAuthor, 1, MaxPerAuthor, optional: true);
        var criteria = new List<CriterionRevision>();
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            if (c.Remove)
            {
                continue;
            }

            var prefix = $"{nameof(Criteria)}[{i}].";
            var weight = Fraction(prefix + nameof(CriterionFields.Weight), WeightMessage, c.Weight, 1, 4);
            var minScore = Whole(prefix + nameof(CriterionFields.MinScore), "Lowest score", c.MinScore, 0, 1_000);
            var maxScore = Whole(prefix + nameof(CriterionFields.MaxScore), "Highest score", c.MaxScore, 0, 1_000);
            if (weight is decimal ww && minScore is int lo && maxScore is int hi)
            {
                criteria.Add(new CriterionRevision(c.Order, Text(c.NameZh, c.NameEn), Text(c.DescriptionZh, c.DescriptionEn), ww, lo, hi));
            }
        }

        var levels = new List<LevelRevision>();
        for (var i = 0; i < Levels.Count; i++)
        {
            var level = Levels[i];
            if (level.Remove)
            {
                continue;
            }

            // A new level's quota is read here; a saved level's is set on the results page.
            var field = $"{nameof(Levels)}[{i}].{nameof(LevelFields.Quota)}";
            if (level.Rank == 0 && string.IsNullOrWhiteSpace(level.Quota))
            {
                error(field, "Please enter the new prize level's quota.", []);
            }

            var quota = level.Rank == 0 ? Whole(field, "Quota", level.Quota, 0, MaxQuota) : null;

            // Whole yuan; empty is no bonus, as 0 is.
            var bonus = Whole($"{nameof(Levels)}[{i}].{nameof(LevelFields.Bonus)}", "Bonus per winner (yuan)", level.Bonus, 0, AwardLevel.MaxBonus, optional: true) ?? 0;
            if (level.Rank != 0 || quota is not null)
            {
                levels.Add(new LevelRevision(level.Rank, Text(level.NameZh, level.NameEn), quota, bonus));
            }
        }

        var rounds = new List<RoundRevision>();
        for (var i = 0; i < Rounds.Count; i++)
        {
            var r = Rounds[i];
            if (r.Remove)
            {
                continue;
            }

            var prefix = $"{nameof(Rounds)}[{i}].";
            var judges = Whole(prefix + nameof(RoundFields.JudgesPerEntry), "Judges per entry", r.JudgesPerEntry, 1, JudgingRound.MaxJudgesPerEntry);
            var top = Whole(prefix + nameof(RoundFields.ShortlistTop), "Entries that go on", r.ShortlistTop, 1, MaxTextLength, optional: true);
            var percent = Fraction(prefix + nameof(RoundFields.ShortlistPercent), PercentMessage, r.ShortlistPercent, 100, 2, optional: true, unit: '%');

            DateTime? closesAt = null;
            if (r.Sequence == 0)
            {
                // A new round's closing time; a saved round's moves on the round's page.
                if (SiteTime.TryParseInput(r.ClosesAt, out var utc))
                {
                    closesAt = utc;
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(r.ClosesAt))
                    {
                        error(prefix + nameof(RoundFields.ClosesAt), "Please enter when the new round closes.", []);
                    }
                    else
                    {
                        error(prefix + nameof(RoundFields.ClosesAt), DateMessage, [r.ClosesAt.Trim()]);
                    }

                    ok = false;
                }
            }

            if (judges is int k)
            {
                rounds.Add(new RoundRevision(r.Sequence, Text(r.NameZh, r.NameEn), k, top, percent, closesAt));
            }
        }

        return ok && minLength is int a && maxLength is int b
            ? new Settings(Text(NameZh, NameEn), Text(DescriptionZh, DescriptionEn), new TrackLimits(a, b, perUnit, perAuthor), Blind, criteria, levels, rounds, PanelScores)
            : null;
    }

    private static BilingualText Text(string? zh, string? en) => new(zh?.Trim() ?? string.Empty, en?.Trim() ?? string.Empty);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A track's settings, as typed or as saved.</summary>
    public sealed record Settings(BilingualText Name, BilingualText Description, TrackLimits Limits, bool Blind, IReadOnlyList<CriterionRevision> Criteria, IReadOnlyList<LevelRevision> Levels, IReadOnlyList<RoundRevision> Rounds, bool PanelScores);
}

/// <summary>One criterion of the rubric on the track's settings page.</summary>
public sealed record CriterionFields
{
    /// <summary>The criterion's place in the rubric; 0 for one the organizer is adding.</summary>
    public int Order { get; set; }

    /// <summary>Ticked to take the criterion out of the rubric.</summary>
    [Display(Name = "Remove this criterion")]
    public bool Remove { get; set; }

    [Required(ErrorMessage = "Please enter the criterion in Chinese.")]
    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Criterion (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Criterion (English)")]
    public string? NameEn { get; set; }

    [StringLength(TrackSettingsForm.MaxDescriptionLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "What judges look for (Chinese)")]
    public string? DescriptionZh { get; set; }

    [StringLength(TrackSettingsForm.MaxDescriptionLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "What judges look for (English)")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Please enter the criterion's weight.")]
    [Display(Name = "Weight")]
    public string Weight { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the criterion's lowest score.")]
    [Display(Name = "Lowest score")]
    public string MinScore { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the criterion's highest score.")]
    [Display(Name = "Highest score")]
    public string MaxScore { get; set; } = string.Empty;
}

/// <summary>One prize level on the track's settings page: its names and bonus; a new level's quota too (a saved level's is set on the results page).</summary>
public sealed record LevelFields
{
    /// <summary>The level's rank; 0 for one the organizer is adding.</summary>
    public int Rank { get; set; }

    /// <summary>Ticked to remove the level; the levels below it move up.</summary>
    [Display(Name = "Remove this level")]
    public bool Remove { get; set; }

    /// <summary>A new level's quota; shown, not read, for a saved one.</summary>
    [Display(Name = "Quota")]
    public string? Quota { get; set; }

    /// <summary>Each winner's bonus in whole yuan; empty or 0 for none.</summary>
    [Display(Name = "Bonus per winner (yuan)")]
    public string? Bonus { get; set; }

    [Required(ErrorMessage = "Please enter the prize level in Chinese.")]
    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Prize level (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Prize level (English)")]
    public string? NameEn { get; set; }
}

/// <summary>One judging round on the track's settings page; its closing time is set on the round's page.</summary>
public sealed record RoundFields
{
    /// <summary>The round's number; 0 for one the organizer is adding after the last.</summary>
    public int Sequence { get; set; }

    /// <summary>Ticked to remove the round (only the last, while nobody is on its panel).</summary>
    [Display(Name = "Remove this round")]
    public bool Remove { get; set; }

    /// <summary>A new round's closing time (site time, as a datetime-local input sends it); a saved round's moves on its page.</summary>
    [Display(Name = "Closes at")]
    public string? ClosesAt { get; set; }

    [Required(ErrorMessage = "Please enter the round's name in Chinese.")]
    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Round (Chinese)")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(TrackSettingsForm.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Round (English)")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Please enter how many judges score each entry.")]
    [Display(Name = "Judges per entry")]
    public string JudgesPerEntry { get; set; } = string.Empty;

    [Display(Name = "Entries that go on")]
    public string? ShortlistTop { get; set; }

    [Display(Name = "Or a percentage that goes on")]
    public string? ShortlistPercent { get; set; }
}
