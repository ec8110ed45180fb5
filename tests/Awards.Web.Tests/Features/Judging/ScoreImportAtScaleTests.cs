using System.Text;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// A sheet with every score of a city's round: written a thousand rows at a time inside one
/// transaction, each row's values land on its own judge's score, across the chunks.
/// </summary>
public sealed class ScoreImportAtScaleTests
{
    [Fact]
    public async Task EveryRowOfARoundsSheet_IsImported_OnItsOwnJudgesScore()
    {
        using var city = await GeneratedSite.CreateAsync("city");
        var round = city.WithDb(db => db.Rounds.Where(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Select(r => r.Id).Single());
        var criteria = city.WithDb(db => db.Tracks.Where(t => t.Code == "help-story").SelectMany(t => t.Criteria).OrderBy(c => c.Order).Select(c => c.Id).ToList());
        var rows = city.WithDb(db => db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id)
            .Select(a => new { a.Id, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(), Email = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.Email).First() })
            .ToList());
        Assert.True(rows.Count > 2_000, $"the city's round has {rows.Count} assignments");
        var auditBefore = city.WithDb(db => db.AuditLog.Count(a => a.Action == "Score imported"));

        // Row i gives every criterion 40 + i % 60, so that neighbouring rows, and the rows either side of a chunk's end, differ.
        static int Value(int i) => 40 + (i % 60);
        var organizer = await city.OrganizerAsync();
        var template = await organizer.GetStringAsync($"/organizer/judging/{round}/import/template.csv");
        var sheet = new StringBuilder(template.TrimEnd()).Append("\r\n");
        for (var i = 0; i < rows.Count; i++)
        {
            sheet.Append(rows[i].Code).Append(',').Append(rows[i].Email);
            foreach (var _ in criteria)
            {
                sheet.Append(',').Append(Value(i));
            }

            sheet.Append(",\r\n");
        }

        using var response = await organizer.UploadAsync($"/organizer/judging/{round}/import", $"/organizer/judging/{round}/import", "scores.csv", Encoding.UTF8.GetBytes(sheet.ToString()));

        Assert.Equal($"/organizer/judging/{round}", response.Headers.Location?.OriginalString);
        var scores = city.WithDb(db => db.Scores.AsNoTracking().Where(s => s.Assignment.RoundId == round).ToDictionary(s => s.AssignmentId));
        Assert.Equal(rows.Count, scores.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var score = scores[rows[i].Id];
            Assert.Equal(ScoreStatus.Submitted, score.Status);
            Assert.All(criteria, c => Assert.Equal(Value(i), score.Values[c]));
        }

        Assert.Equal(auditBefore + rows.Count, city.WithDb(db => db.AuditLog.Count(a => a.Action == "Score imported")));
    }
}
