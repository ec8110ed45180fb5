namespace Awards.Web.Features.Audit;

/// <summary>
/// The English text (a localization key) for the action and entity names the audit log stores.
/// The log keeps its raw names so that old rows stay searchable; people read these instead.
/// An action added later without a label is shown as stored until it gets one (a test lists them).
/// </summary>
public static class AuditLabels
{
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Seed"] = "The contest and its units loaded from the seed",
        ["Generate"] = "A synthetic contest generated for measurements",
        ["Register"] = "Registered",
        ["ConfirmEmail"] = "E-mail confirmed",
        ["ResendConfirmation"] = "Confirmation link sent again",
        ["RegisterTakenAddress"] = "Registration tried with this account's address (the owner was told)",
        ["Invite"] = "Invited",
        ["AcceptInvitation"] = "Invitation accepted",
        ["CreateOrganizer"] = "Organizer created",
        ["RequestPasswordReset"] = "Password reset requested",
        ["ResetPassword"] = "Password reset",
        ["ChangePassword"] = "Password changed",
        ["EnableTwoFactor"] = "Two-step verification turned on",
        ["DisableTwoFactor"] = "Two-step verification turned off",
        ["NewRecoveryCodes"] = "New recovery codes",
        ["UseRecoveryCode"] = "Signed in with a recovery code",
        ["TwoFactorTurnedOff"] = "Two-step verification turned off by the organizer",
        ["Unlock"] = "Unlocked by the organizer",
        ["Deactivate"] = "Account turned off",
        ["Reactivate"] = "Account turned on again",
        ["EndSession"] = "A session signed out",
        ["EndOtherSessions"] = "Other sessions signed out",
        ["Profile changed"] = "Profile changed",
        ["Nomination created"] = "Nomination created",
        ["Nomination edited"] = "Nomination edited",
        ["Nomination submitted"] = "Nomination submitted",
        ["Nomination withdrawn"] = "Nomination withdrawn",
        ["Nomination accepted"] = "Nomination accepted",
        ["Nomination returned"] = "Nomination returned",
        ["Nomination disqualified"] = "Nomination disqualified",
        ["Essay created"] = "Essay created",
        ["Essay edited"] = "Essay edited",
        ["Essay submitted"] = "Essay submitted",
        ["Essay withdrawn"] = "Essay withdrawn",
        ["Essay accepted"] = "Essay accepted",
        ["Essay returned"] = "Essay returned",
        ["Essay disqualified"] = "Essay disqualified",
        ["Attachment added"] = "Attachment added",
        ["Attachment removed"] = "Attachment removed",
        ["Panel set"] = "Panel set",
        ["Judges assigned"] = "Judges assigned",
        ["Judge assigned by hand"] = "Judge assigned by hand",
        ["Judge unassigned by hand"] = "Judge unassigned by hand",
        ["Judge added"] = "Judge added",
        ["Conflict declared"] = "Conflict declared",
        ["Round closed"] = "Round closed",
        ["RemindJudges"] = "Judges reminded",
        ["RemindEntrants"] = "Entrants reminded of entries not submitted",
        ["NotifyWinners"] = "Winners told by mail",
        ["Round rescheduled"] = "Round's closing time changed",
        ["Shortlist assigned"] = "Shortlist assigned to the next round",
        ["Score saved"] = "Score saved",
        ["Score submitted"] = "Score submitted",
        ["Score imported"] = "Score imported",
        ["ConfigureRanking"] = "Ranking settings changed",
        ["ChangeQuota"] = "Quota changed",
        ["OverrideLevel"] = "Prize changed by hand",
        ["OrderTie"] = "Tie ordered",
        ["PickUnits"] = "Units picked",
        ["PublishNotice"] = "Notice published",
        ["WithdrawNotice"] = "Notice withdrawn",
        ["Finalize"] = "Results finalized",
        ["RaiseObjection"] = "Objection raised",
        ["ResolveObjection"] = "Objection resolved",
        ["StartExport"] = "Export started",
        ["EditPreface"] = "Preface edited",
        ["EditContest"] = "Contest settings edited",
        ["EditTrack"] = "Award settings edited",
        ["AddTrack"] = "Award or theme added",
        ["RemoveTrack"] = "Award or theme removed",
        ["AddUnit"] = "Unit added",
        ["RenameUnit"] = "Unit renamed",
        ["RetryMail"] = "Failed mail tried again",
        ["AddAnnouncement"] = "Announcement written",
        ["EditAnnouncement"] = "Announcement edited",
        ["PublishAnnouncement"] = "Announcement published",
        ["WithdrawAnnouncement"] = "Announcement taken down",
        ["DeleteAnnouncement"] = "Announcement draft deleted",
    };

    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Database"] = "Database",
        ["User"] = "Account",
        ["Entry"] = "Entry",
        ["Round"] = "Judging round",
        ["Score"] = "Judge's score",
        ["TrackResult"] = "Results of an award",
        ["AwardLevel"] = "Prize level",
        ["Objection"] = "Objection to the notice",
        ["ExportJob"] = "Export job",
        ["ContestEdition"] = "Contest edition",
        ["Track"] = "Award or theme",
        ["Unit"] = "Unit",
        ["Mail"] = "Outgoing mail",
        ["Announcement"] = "Announcement",
    };

    /// <summary>The localization key for a stored action: its label, or the action itself when it has none.</summary>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string Entity(string entityType) => Entities.GetValueOrDefault(entityType, entityType);
}
