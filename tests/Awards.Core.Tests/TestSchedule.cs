using Awards.Core.Contests;

namespace Awards.Core.Tests;

/// <summary>The dates of a typical edition, shared by the tests that need a schedule.</summary>
internal static class TestSchedule
{
    public static readonly DateTime OpensAt = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime ClosesAt = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime JudgingClosesAt = new(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime NoticeStartsAt = new(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime NoticeEndsAt = new(2026, 10, 17, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A moment in the middle of the submission window.</summary>
    public static readonly DateTime DuringSubmission = new(2026, 9, 15, 8, 30, 0, DateTimeKind.Utc);

    public static ContestSchedule Create() =>
        new(OpensAt, ClosesAt, JudgingClosesAt, NoticeStartsAt, NoticeEndsAt);
}
