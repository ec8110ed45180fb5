using System.ComponentModel.DataAnnotations;
using Awards.Core.Identity;

namespace Awards.Web.Features.Users;

/// <summary>One person to invite, read from a line of the list.</summary>
public sealed record InviteLine(int Line, string Email, string Name, string Role, int? UnitId)
{
    /// <summary>A leader's awards and themes (ADR 0018); none for all of them.</summary>
    public IReadOnlyList<int> TrackIds { get; init; } = [];
}

/// <summary>A line that cannot be read: its number, and the message (a localization key) with its arguments.</summary>
public sealed record InviteLineError(int Line, string Key, object[] Arguments);

/// <summary>
/// The list of people to invite at once, one per line: e-mail, name, role, unit code. Fields are
/// separated by commas (a Chinese comma too) or tabs, as a row copied from a spreadsheet is; the
/// role is Judge, UnitCoordinator or Leader, or its name as the site shows it (评委, 单位联络员,
/// 领导小组成员); the unit is a unit's code, needed for a coordinator and refused for a member of
/// the leading group. A member of the leading group who reads some awards only has a fifth field:
/// the awards' and themes' codes, separated by spaces (<c>a@b.cn, 王组员, Leader, , innovation journey</c>).
/// Blank lines and lines starting with # are skipped. <c>next-edition</c> writes this year's
/// coordinators, judges and leading group in this form.
/// </summary>
public static class InviteLines
{
    public const int MaxLines = 500;

    public const int MaxNameLength = 50;

    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>The roles that can be invited, by every name the list may give them, whatever the page's language.</summary>
    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Roles.Judge] = Roles.Judge,
        ["评委"] = Roles.Judge,
        [Roles.UnitCoordinator] = Roles.UnitCoordinator,
        ["Unit coordinator"] = Roles.UnitCoordinator,
        ["单位联络员"] = Roles.UnitCoordinator,
        [Roles.Leader] = Roles.Leader,
        ["Leading group member"] = Roles.Leader,
        ["领导小组成员"] = Roles.Leader,
    };

    /// <summary>The people, or every line's error.</summary>
    public static (IReadOnlyList<InviteLine> People, IReadOnlyList<InviteLineError> Errors) Parse(string? text, IReadOnlyDictionary<string, int> unitsByCode, IReadOnlyDictionary<string, int>? tracksByCode = null)
    {
        ArgumentNullException.ThrowIfNull(unitsByCode);
        var people = new List<InviteLine>();
        var errors = new List<InviteLineError>();
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (people.Count + errors.Count >= MaxLines)
            {
                errors.Add(new(number, "At most {0} people can be invited at once.", [MaxLines]));
                break;
            }

            var fields = line.Split([',', '，', '\t']).Select(f => f.Trim()).ToArray();
            if (fields.Length is < 3 or > 5)
            {
                errors.Add(new(number, "Line {0}: write the e-mail address, the name, the role and the unit's code, separated by commas.", [number]));
                continue;
            }

            var (email, name, roleText, unitCode) = (fields[0], fields[1], fields[2], fields.Length >= 4 ? fields[3] : string.Empty);
            var trackCodes = fields.Length == 5 ? fields[4].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var unknownTrack = trackCodes.FirstOrDefault(c => tracksByCode?.ContainsKey(c) != true);
            var role = RoleNames.GetValueOrDefault(roleText);
            int? unitId = unitCode.Length == 0 ? null : unitsByCode.TryGetValue(unitCode, out var id) ? id : -1;
            InviteLineError? error =
                !EmailFormat.IsValid(email) || email.Length == 0 ? new(number, "Line {0}: \"{1}\" is not an e-mail address.", [number, email])
                : seen.TryGetValue(email, out var first) ? new(number, "Line {0}: {1} is already on line {2}.", [number, email, first])
                : name.Length is 0 or > MaxNameLength ? new(number, "Line {0}: the name must have 1 to {1} characters.", [number, MaxNameLength])
                : role is null ? new(number, "Line {0}: \"{1}\" is not a role that can be invited; write Judge, UnitCoordinator or Leader.", [number, roleText])
                : unitId == -1 ? new(number, "Line {0}: there is no unit with the code \"{1}\".", [number, unitCode])
                : role == Roles.UnitCoordinator && unitId is null ? new(number, "Line {0}: a unit coordinator needs the unit's code.", [number])
                : role == Roles.Leader && unitCode.Length > 0 ? new(number, "Line {0}: a member of the leading group belongs to no unit; leave the unit out.", [number])
                : role != Roles.Leader && trackCodes.Length > 0 ? new(number, "Line {0}: only a member of the leading group is given awards to read; leave them out.", [number])
                : unknownTrack is not null ? new(number, "Line {0}: there is no award or theme with the code \"{1}\".", [number, unknownTrack])
                : null;
            seen.TryAdd(email, number);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            people.Add(new InviteLine(number, email, name, role!, unitId) { TrackIds = [.. trackCodes.Select(c => tracksByCode![c])] });
        }

        return (people, errors);
    }
}
