using Awards.Core.Units;
using Microsoft.AspNetCore.Identity;

namespace Awards.Web.Data;

/// <summary>A person who signs in. Roles come from Identity (<see cref="Core.Identity.Roles"/>).</summary>
public class AppUser : IdentityUser<int>
{
    /// <summary>The real name (authors, coordinators) or the judge's name; never shown to judges.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A coordinator's unit, an author's county or unit, a judge's unit (a conflict of interest).</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set for invited accounts until the person accepts and sets a password.</summary>
    public DateTime? InvitedAt { get; set; }

    public int? InvitedById { get; set; }

    /// <summary>
    /// Set when the organizer turned the account off (someone who left their unit or the panel): it
    /// cannot sign in, ask for a reset link or accept an invitation until it is turned on again.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>
    /// The language the person chose last (<see cref="Infrastructure.Cultures"/>: the language switch
    /// while signed in, the device's choice at sign-in, the page they registered or accepted their
    /// invitation in); null when they never chose. Their mail is written in it, whoever's click
    /// sends it, and a sign-in on a new device shows the site in it.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator code the account used: an older or the same
    /// step's code is refused (<see cref="Features.Security.OneUseAuthenticatorTokenProvider"/>).
    /// </summary>
    public long? AuthenticatorStep { get; set; }

    /// <summary>
    /// The names and phone numbers the person had before changing them in their profile. Judges'
    /// renditions keep hiding them (SECURITY.md §1): a text written, or already read, under the old
    /// name still carries it.
    /// </summary>
    public List<string> FormerNames { get; set; } = [];

    /// <inheritdoc cref="FormerNames"/>
    public List<string> FormerPhones { get; set; } = [];

    /// <summary>
    /// The units an organizer moved an author away from (a unit chosen wrongly at registration): the
    /// author's texts may name them, so judges' renditions keep hiding them, as former names.
    /// </summary>
    public List<int> FormerUnitIds { get; set; } = [];

    /// <summary>
    /// For a judge: the units besides their own whose entries they may not judge, as the organizer
    /// recorded them (a former employer, a relative's county); in id order (ADR 0016).
    /// </summary>
    public List<int> ConflictUnitIds { get; set; } = [];

    /// <summary>
    /// For a member of the leading group: the awards and themes they may read, in id order (ADR 0018);
    /// empty for all of them, as every leader read before the organizer could choose.
    /// </summary>
    public List<int> LeaderTrackIds { get; set; } = [];

    /// <summary>Sets the name and phone, keeping the ones they replace in <see cref="FormerNames"/> and <see cref="FormerPhones"/>.</summary>
    public void ChangeIdentity(string name, string phone)
    {
        Keep(FormerNames, DisplayName, name);
        Keep(FormerPhones, PhoneNumber, phone);
        DisplayName = name;
        PhoneNumber = phone;

        static void Keep(List<string> former, string? old, string replacement)
        {
            if (!string.IsNullOrWhiteSpace(old) && old != replacement && !former.Contains(old))
            {
                former.Add(old);
            }
        }
    }

    public bool IsPendingInvitation => InvitedAt is not null && PasswordHash is null;
}
