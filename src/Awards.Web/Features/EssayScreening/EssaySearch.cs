using Awards.Core.Entries;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.EssayScreening;

/// <summary>
/// Full-text search over entry titles and texts: the SQLite FTS5 table EntrySearch with the
/// trigram tokenizer (migration EssaysAndRenditions), which finds any substring of three or more
/// characters, Chinese included, without a word segmenter. Shorter queries (a two-character word
/// such as 扶贫) fall back to LIKE, which the trigram index cannot serve.
/// </summary>
public sealed class EssaySearch(AwardsDbContext db)
{
    /// <summary>Whether the query is too short for the index, so that finding its matches reads every essay's text.</summary>
    public static bool ScansTexts(string query) => query.Length < 3;

    public IQueryable<Entry> Matching(string query)
    {
        if (!ScansTexts(query))
        {
            // A phrase query: the user's text is one quoted FTS string, so its characters are never FTS syntax.
            var phrase = "\"" + query.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return db.Entries.FromSqlInterpolated($"SELECT * FROM Entries WHERE Id IN (SELECT rowid FROM EntrySearch WHERE EntrySearch MATCH {phrase})");
        }

        var pattern = SqlLike.Containing(query);
        return db.Entries.Where(e => EF.Functions.Like(e.Title, pattern, SqlLike.Escape) || EF.Functions.Like(e.Body, pattern, SqlLike.Escape));
    }
}
