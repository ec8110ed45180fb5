using Awards.Core.Contests;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Results;

namespace Awards.Web.Features.Leader;

/// <summary>The leading group's dashboard: how far judging is, and where each award's results stand.</summary>
public sealed record LeaderDashboard(ContestEdition Contest, ContestPhase Phase, IReadOnlyList<RoundSummary> Rounds, IReadOnlyList<TrackSummary> Tracks);
