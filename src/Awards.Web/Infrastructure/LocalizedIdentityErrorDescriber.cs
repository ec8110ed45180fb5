using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Infrastructure;

/// <summary>Identity's messages (password policy, duplicates, tokens) in the visitor's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The password is incorrect."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["This link is invalid or has expired."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["'{0}' is not a valid e-mail address.", email ?? string.Empty]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["'{0}' is not a valid e-mail address.", userName ?? string.Empty]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["An account with the e-mail address {0} already exists.", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["An account with the e-mail address {0} already exists.", userName]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["The password must have at least {0} characters.", length]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["The password must contain a digit."]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["The password must contain a lower-case letter."]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["The password must contain an upper-case letter."]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["The password must contain a symbol."]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["The password must use at least {0} different characters.", uniqueChars]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["This invitation has already been accepted. Please sign in."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
