using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Awards.Web.Authorization;

/// <summary>What one may do with an entry; checked against the loaded entry (resource-based).</summary>
public static class EntryOperations
{
    /// <summary>See the entry with its identity and attachments.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Edit, attach, submit or withdraw: the entrant's own actions.</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };

    /// <summary>Respond to an objection about the entry when the organizer asks (ObjectionInquiry): the entrant's alone.</summary>
    public static readonly OperationAuthorizationRequirement Respond = new() { Name = nameof(Respond) };

    /// <summary>Accept, return or disqualify: the organizer's screening.</summary>
    public static readonly OperationAuthorizationRequirement Screen = new() { Name = nameof(Screen) };
}
