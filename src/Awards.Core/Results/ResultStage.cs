namespace Awards.Core.Results;

/// <summary>Where a track's results stand: worked on, on public notice (公示), or final and frozen.</summary>
public enum ResultStage
{
    Draft,
    Notice,
    Final,
}
