using Awards.Core.Entries;

namespace Awards.Web.Features.Entries;

/// <summary>One step of an entry's status history, as its pages show it.</summary>
public sealed record HistoryRow(DateTime At, EntryStatus? From, EntryStatus To, string? Reason, string? By);
