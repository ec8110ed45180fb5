using Awards.Core.Contests;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Results;

namespace Awards.Web.Features.Leader;

/// <summary>The leading group's dashboard: how far judging is, where each of the leader's awards' results stand, the documents they may download.</summary>
public sealed record LeaderDashboard(ContestEdition Contest, ContestPhase Phase, IReadOnlyList<RoundSummary> Rounds, IReadOnlyList<TrackSummary> Tracks, IReadOnlyList<string> Documents, bool Limited);
