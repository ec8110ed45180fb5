using Awards.Core.Common;

namespace Awards.Core.Results;

/// <summary>
/// One entry's place as published: written when the results go on notice, so the notice, the
/// final results and what authors see never change when anything is recomputed.
/// </summary>
public class Placement
{
    public const int MaxDocumentLength = 100;

    public Placement(int trackResultId, int entryId, int position, int place, decimal score, int? levelRank, bool overridden)
    {
        TrackResultId = trackResultId;
        EntryId = entryId;
        Position = position;
        Place = place;
        Score = score;
        LevelRank = levelRank;
        Overridden = overridden;
        VerifyCode = Results.VerifyCode.New();
    }

    private Placement()
    {
        VerifyCode = string.Empty;
    }

    public int Id { get; private set; }

    public int TrackResultId { get; private set; }

    /// <summary>The entry; for the Outstanding Organization Award, null and <see cref="UnitId"/> is set.</summary>
    public int? EntryId { get; private set; }

    public int? UnitId { get; private set; }

    public int Position { get; private set; }

    public int Place { get; private set; }

    public decimal Score { get; private set; }

    public int? LevelRank { get; private set; }

    public bool Overridden { get; private set; }

    /// <summary>The code on the certificate of this place; <c>/verify/{code}</c> confirms it once the results are final.</summary>
    public string VerifyCode { get; private set; }

    /// <summary>When the prize was revoked (撤销表彰) after the results became final; null while it stands.</summary>
    public DateTime? RevokedAt { get; private set; }

    public int? RevokedByUserId { get; private set; }

    /// <summary>Why, as the organizer wrote it: for the record and the winner's mail, never for the public.</summary>
    public string? RevocationReason { get; private set; }

    /// <summary>The number of the document that revokes it (文号), when there is one; public.</summary>
    public string? RevocationDocument { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A prize that stands: placed at a level and not revoked.</summary>
    public bool IsPrize => LevelRank is not null && RevokedAt is null;

    /// <summary>
    /// Revokes the prize of final results: the placement stays, marked, with when, who and why, and
    /// nobody moves up into it (commendations are not awarded again: ADR 0017). Before the results
    /// are final they are changed instead, so a prize on notice or in a draft is refused.
    /// </summary>
    public void Revoke(ResultStage stage, string reason, string? documentNumber, int byUserId, DateTime utcNow)
    {
        if (stage != ResultStage.Final)
        {
            throw new DomainException(ResultMessages.RevokeNotFinal);
        }

        if (RevokedAt is DateTime at)
        {
            throw new DomainException(ResultMessages.AlreadyRevoked, at);
        }

        if (LevelRank is null)
        {
            throw new DomainException(ResultMessages.NoPrizeToRevoke);
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            throw new DomainException(ResultMessages.RevokeReasonRequired);
        }

        if (why.Length > ResultOverride.MaxReasonLength)
        {
            throw new DomainException("{0} can have at most {1} characters.", "Reason", ResultOverride.MaxReasonLength);
        }

        var number = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim();
        if (number?.Length > MaxDocumentLength)
        {
            throw new DomainException("{0} can have at most {1} characters.", "Document number", MaxDocumentLength);
        }

        RevokedAt = utcNow;
        RevokedByUserId = byUserId;
        RevocationReason = why;
        RevocationDocument = number;
    }

    public static Placement ForUnit(int trackResultId, int unitId, int position, int levelRank) =>
        new() { TrackResultId = trackResultId, UnitId = unitId, Position = position, Place = position, LevelRank = levelRank, VerifyCode = Results.VerifyCode.New() };
}
