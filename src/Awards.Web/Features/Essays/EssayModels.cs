using Awards.Core.Entries;
using Awards.Core.Tracks;

namespace Awards.Web.Features.Essays;

/// <summary>The essay form page; <see cref="Code"/> is null for a new essay.</summary>
public sealed record EssayFormPage(Track Track, EssayForm Form, string? Code, DateTime ClosesAt, IReadOnlyList<string> ImportWarnings, bool Imported);

/// <summary>An essay as its author sees it.</summary>
public sealed record EssayView(Entry Entry, IReadOnlyList<Entries.HistoryRow> History, bool CanChange);
