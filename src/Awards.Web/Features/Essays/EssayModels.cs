using Awards.Core.Entries;
using Awards.Core.Tracks;

namespace Awards.Web.Features.Essays;

/// <summary>
/// The essay form page; <see cref="Code"/> is null for a new essay. SavedNow: after a save refused
/// because the essay changed since the form was opened, what it holds now.
/// </summary>
public sealed record EssayFormPage(Track Track, EssayForm Form, string? Code, DateTime ClosesAt, IReadOnlyList<string> ImportWarnings, bool Imported, Entry? SavedNow = null);

/// <summary>An essay as its author sees it.</summary>
public sealed record EssayView(Entry Entry, IReadOnlyList<Entries.HistoryRow> History, bool CanChange);
