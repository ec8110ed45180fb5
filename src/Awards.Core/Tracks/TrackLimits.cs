using Awards.Core.Common;

namespace Awards.Core.Tracks;

/// <summary>
/// Entry limits of a track. Lengths are counted by <see cref="TextLength"/>.
/// </summary>
public sealed record TrackLimits(int MinLength, int MaxLength, int? PerUnit, int? PerAuthor)
{
    public static readonly TrackLimits Default = new(0, 10_000, null, null);

    /// <summary>Nominations: 800–5,000 characters of deeds, at most 2 per unit per award.</summary>
    public static readonly TrackLimits Nomination = new(800, 5_000, 2, null);

    /// <summary>Essays: 1,000–6,000 characters, one per author per theme.</summary>
    public static readonly TrackLimits Essay = new(1_000, 6_000, null, 1);

    public TrackLimits Validated()
    {
        if (MinLength < 0 || MaxLength < MinLength)
        {
            throw new DomainException("The length limits must satisfy 0 ≤ minimum ≤ maximum.");
        }

        if (PerUnit is < 1 || PerAuthor is < 1)
        {
            throw new DomainException("A per-unit or per-author limit must be at least 1.");
        }

        return this;
    }

    public bool LengthFits(int length) => length >= MinLength && length <= MaxLength;
}
