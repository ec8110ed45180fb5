namespace Awards.Core.Scoring;

/// <summary>A judge on the panel of one round of a track.</summary>
public class PanelMember
{
    public PanelMember(int roundId, int judgeUserId)
    {
        RoundId = roundId;
        JudgeUserId = judgeUserId;
    }

    private PanelMember()
    {
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public int JudgeUserId { get; private set; }
}
