using Awards.Core.Contests;
using Awards.Core.Tracks;

namespace Awards.Web.Data.Seed;

/// <summary>Builds the default contest edition from seed/contest.json and seed/rubrics.json.</summary>
internal sealed class ContestLoader(string folder, DateTime nowUtc)
{
    public ContestEdition Load()
    {
        var file = SeedJson.Read<ContestFile>(folder, "contest.json");
        var rubrics = SeedJson.Read<RubricsFile>(folder, "rubrics.json").Rubrics;
        var offset = SeedDate.ParseOffset(file.TimeZone);
        DateTime Date(string text) => SeedDate.Parse(text, nowUtc, offset);

        var s = file.Schedule;
        var schedule = new ContestSchedule(Date(s.SubmissionOpensAt), Date(s.SubmissionClosesAt), Date(s.JudgingClosesAt), Date(s.NoticeStartsAt), Date(s.NoticeEndsAt));
        var contest = new ContestEdition(file.Year, file.Name, schedule)
        {
            IssuingOffice = file.IssuingOffice,
            Rules = new(ReadText(file.RulesFile.Zh), ReadText(file.RulesFile.En)),
            IsCurrent = true,
        };

        var order = 0;
        foreach (var seed in file.Tracks)
        {
            var track = new Track(seed.Code, seed.Name, Enum.Parse<TrackKind>(seed.Kind, ignoreCase: true), Enum.Parse<Entrant>(seed.Entrant, ignoreCase: true))
            {
                Description = seed.Description,
                IsBlind = seed.Blind,
                ShowsPanelScores = seed.PanelScores,
                SortOrder = ++order,
            };
            track.SetLimits(new TrackLimits(seed.Limits.MinLength, seed.Limits.MaxLength, seed.Limits.PerUnit, seed.Limits.PerAuthor));

            var criteria = rubrics.GetValueOrDefault(seed.Rubric)
                ?? throw new InvalidDataException($"contest.json: the track '{seed.Code}' names the rubric '{seed.Rubric}', which rubrics.json lacks.");
            var criterionOrder = 0;
            foreach (var c in criteria)
            {
                var criterion = new RubricCriterion(++criterionOrder, c.Name, c.Description, c.Weight, c.Min, c.Max);
                foreach (var level in c.Levels)
                {
                    criterion.AddLevel(new CriterionLevel(level.Min, level.Max, level.Label, level.Description));
                }

                track.AddCriterion(criterion);
            }

            track.EnsureRubricIsComplete();
            foreach (var level in seed.AwardLevels)
            {
                track.AddAwardLevel(new AwardLevel(level.Rank, level.Name, level.Quota, level.Bonus));
            }

            foreach (var round in seed.Rounds)
            {
                track.AddRound(new JudgingRound(round.Sequence, Enum.Parse<RoundKind>(round.Kind, ignoreCase: true), round.Name, round.JudgesPerEntry, Date(round.ClosesAt))
                {
                    ShortlistTop = round.ShortlistTop,
                    ShortlistPercent = round.ShortlistPercent,
                });
            }

            contest.AddTrack(track);
        }

        return contest;
    }

    private string ReadText(string relativePath) => File.ReadAllText(Path.Combine(folder, relativePath)).Trim();
}
