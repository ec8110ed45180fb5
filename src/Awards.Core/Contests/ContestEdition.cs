using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Contests;

/// <summary>One year's commendations, e.g. "2026 Poverty Alleviation Day".</summary>
public class ContestEdition
{
    private readonly List<Track> _tracks = [];

    public ContestEdition(int year, BilingualText name, ContestSchedule schedule)
    {
        Year = year;
        Name = name;
        Schedule = schedule.Validated();
    }

    // For EF Core materialization.
    private ContestEdition()
    {
        Name = BilingualText.Empty;
        Schedule = null!;
    }

    public int Id { get; private set; }

    public int Year { get; private set; }

    public BilingualText Name { get; private set; }

    /// <summary>Markdown, shown on the public contest page.</summary>
    public BilingualText Rules { get; set; } = BilingualText.Empty;

    /// <summary>The office that issues notices and certificates, e.g. 清河市扶贫开发领导小组办公室.</summary>
    public BilingualText IssuingOffice { get; set; } = BilingualText.Empty;

    /// <summary>
    /// The document number (发文字号) under the commendation notice's red header, e.g.
    /// 石扶组〔2026〕3号, as <see cref="Contests.DocumentNumber.Normalize"/> writes it; empty for none.
    /// </summary>
    public string DocumentNumber { get; set; } = string.Empty;

    public ContestSchedule Schedule { get; private set; }

    /// <summary>The preface of the anthology of winning essays (Markdown), written by the organizer.</summary>
    public string AnthologyPreface { get; set; } = string.Empty;

    /// <summary>The edition the site shows; exactly one is current.</summary>
    public bool IsCurrent { get; set; }

    public IReadOnlyCollection<Track> Tracks => _tracks;

    public void Reschedule(ContestSchedule schedule) => Schedule = schedule.Validated();

    public Track AddTrack(Track track)
    {
        if (_tracks.Any(t => t.Code == track.Code))
        {
            throw new DomainException("A track with the code {0} already exists in this edition.", track.Code);
        }

        _tracks.Add(track);
        return track;
    }
}
