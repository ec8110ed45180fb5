namespace Awards.Core.Judging;

/// <summary>One judge on one entry.</summary>
public readonly record struct Pair(int EntryId, int JudgeId);
