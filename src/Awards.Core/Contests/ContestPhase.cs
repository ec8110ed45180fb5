namespace Awards.Core.Contests;

public enum ContestPhase
{
    NotYetOpen,
    Submission,
    Judging,
    Ranking,
    Notice,
    Final,
}
