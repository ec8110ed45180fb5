namespace Awards.Web.Features.Leader;

/// <summary>A leader's awards and themes as <see cref="LeaderScope"/> gives them: null stands for all of them (ADR 0018).</summary>
public static class LeaderTracks
{
    /// <summary>Whether the set (null: every award and theme) holds the track.</summary>
    public static bool Holds(this IReadOnlySet<int>? tracks, int trackId) => tracks is null || tracks.Contains(trackId);
}
