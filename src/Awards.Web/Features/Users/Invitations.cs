using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Features.Account;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Users;

public sealed record InvitationResult(bool Succeeded, IReadOnlyList<string> Errors, string? Link = null)
{
    public static InvitationResult Failed(params string[] errors) => new(false, errors);
}

/// <summary>
/// Invited accounts (coordinators, judges, organizers): an organizer (or the admin command, for
/// an organizer) creates the account in its role without a password; the mailed link lets the
/// person set one, which also confirms the e-mail address. The link carries only the address and
/// a one-use token, never the role, so it cannot be made into another role's.
/// </summary>
public sealed class Invitations(
    UserManager<AppUser> userManager,
    AwardsDbContext db,
    MailOutbox outbox,
    AuditLog audit,
    IClock clock,
    IOptions<AwardsOptions> options,
    LeaderAwards leaderAwards,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Invites one person; <paramref name="trackIds"/> are a leader's awards (none: all of them), refused for another role.</summary>
    public async Task<InvitationResult> InviteAsync(string email, string name, string role, int? unitId, int? invitedById, IReadOnlyList<int>? trackIds = null)
    {
        if (!Roles.InvitedOneByOne.Contains(role))
        {
            return InvitationResult.Failed(l["Choose a role."]);
        }

        // An organizer works for the whole city: a unit would only make them look like one unit's.
        if (role == Roles.Organizer && unitId is not null)
        {
            return InvitationResult.Failed(l["An organizer belongs to no unit; choose None for the unit."]);
        }

        // The leading group reads the whole city's results; a unit would only hint at a side taken.
        if (role == Roles.Leader && unitId is not null)
        {
            return InvitationResult.Failed(l["A member of the leading group belongs to no unit; choose None for the unit."]);
        }

        if (role == Roles.UnitCoordinator && unitId is null)
        {
            return InvitationResult.Failed(l["A unit coordinator needs a unit."]);
        }

        if (unitId is not null && !await db.Units.AnyAsync(u => u.Id == unitId))
        {
            return InvitationResult.Failed(l["Choose a unit from the list."]);
        }

        // Awards narrow what a leader reads; anyone else's pages are not made of awards to choose.
        if (role != Roles.Leader && trackIds is { Count: > 0 })
        {
            return InvitationResult.Failed(l["Only a member of the leading group is given awards to read; choose none for this role."]);
        }

        if (await leaderAwards.CheckAsync(trackIds, CancellationToken.None) is not { } tracks)
        {
            return InvitationResult.Failed(l["Choose the awards and themes from the list; nothing was changed."]);
        }

        return await CreateInvitedAsync(email, name, role, unitId, invitedById, tracks);
    }

    public async Task<InvitationResult> ResendAsync(AppUser user)
    {
        if (user.DeactivatedAt is not null)
        {
            return InvitationResult.Failed(l["This account is turned off. Turn it on first."]);
        }

        if (!user.IsPendingInvitation)
        {
            return InvitationResult.Failed(l["This invitation has already been accepted. Please sign in."]);
        }

        var role = (await userManager.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty;
        var link = await QueueAsync(user, role);
        await db.SaveChangesAsync();
        return new InvitationResult(true, [], link);
    }

    /// <summary>Sets the password from an invitation link; the link proves the address, so it is confirmed.</summary>
    public async Task<IdentityResult> AcceptAsync(AppUser user, string token, string password)
    {
        if (!user.IsPendingInvitation || user.DeactivatedAt is not null)
        {
            return IdentityResult.Failed(userManager.ErrorDescriber.UserAlreadyHasPassword());
        }

        var result = await userManager.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            user.EmailConfirmed = true;
            // The page they accepted it in is the first language they chose.
            user.Language = System.Globalization.CultureInfo.CurrentUICulture.Name;
            await userManager.UpdateAsync(user);
            audit.Record("AcceptInvitation", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId: user.Id);
            await db.SaveChangesAsync();
        }

        return result;
    }

    /// <summary>
    /// Creates the first organizer unless one exists (<c>Awards:InitialOrganizer</c>, read at every
    /// start): with the given password, or else by an invitation whose link is returned (and mailed).
    /// </summary>
    public async Task<InvitationResult> EnsureInitialOrganizerAsync(string email, string name, string? password)
    {
        if ((await userManager.GetUsersInRoleAsync(Roles.Organizer)).Count > 0)
        {
            return InvitationResult.Failed("An organizer already exists; nothing was changed.");
        }

        return await CreateOrganizerAsync(email, name, password);
    }

    /// <summary>
    /// Adds an organizer, whoever else is one (<c>create-organizer</c>): the first one, or the way
    /// back in for whoever runs the server when no organizer can sign in any more. An address that
    /// already has an account is refused.
    /// </summary>
    public async Task<InvitationResult> CreateOrganizerAsync(string email, string name, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return await CreateInvitedAsync(email, name, Roles.Organizer, unitId: null, invitedById: null);
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.UtcNow };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new InvitationResult(false, created.Errors.Select(e => e.Description).ToList());
        }

        await userManager.AddToRoleAsync(user, Roles.Organizer);
        audit.Record("CreateOrganizer", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: email);
        await db.SaveChangesAsync();
        return new InvitationResult(true, []);
    }

    /// <summary>An account without a password in one role, and the mailed link that lets its owner set one.</summary>
    private async Task<InvitationResult> CreateInvitedAsync(string email, string name, string role, int? unitId, int? invitedById, List<int>? trackIds = null)
    {
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = name.Trim(),
            UnitId = unitId,
            CreatedAt = clock.UtcNow,
            InvitedAt = clock.UtcNow,
            InvitedById = invitedById,
            LeaderTrackIds = trackIds ?? [],
        };
        var created = await userManager.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new InvitationResult(false, created.Errors.Select(e => e.Description).ToList());
        }

        await userManager.AddToRoleAsync(user, role);
        audit.Record("Invite", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: user.LeaderTrackIds.Count == 0
            ? $"{user.Email} {role} unit={unitId}"
            : $"{user.Email} {role} awards={await leaderAwards.CodesAsync(user.LeaderTrackIds, CancellationToken.None)}");
        var link = await QueueAsync(user, role);
        await db.SaveChangesAsync();
        return new InvitationResult(true, [], link);
    }

    /// <summary>Puts the invitation in the outbox, to be saved with the caller's changes; returns its link.</summary>
    private async Task<string> QueueAsync(AppUser user, string role)
    {
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var link = AccountLinks.Build(options.Value.PublicUrl, AccountLinks.AcceptInvitation, user.Email!, token);
        // Nobody knows the invited person's language yet: the invitation is written in both, Chinese first.
        var (zh, en) = (Cultures.In(Cultures.Chinese, Write), Cultures.In(Cultures.English, Write));
        outbox.Add([new OutgoingMail(user.Email!, $"{zh.Subject} / {en.Subject}", $"{zh.Body}\n\n——————\n\n{en.Body}")], "an invitation");
        return link;

        (string Subject, string Body) Write() => (
            l["Your invitation to the Poverty Alleviation Day awards"],
            string.Join(
                "\n\n",
                l["Hello {0},", user.DisplayName],
                l["You are invited to the Poverty Alleviation Day awards site as {0}. Open this link within 7 days to set your password:", l[RoleNames.InSentence(role)]],
                link,
                l["If you did not expect this invitation, ignore this message."]));
    }
}
