using System.ComponentModel.DataAnnotations;

namespace Awards.Web.Features.Security;

// Messages and display names are localization keys (Resources/SharedResource.zh-CN.resx).
public sealed record ChangePasswordForm
{
    [Required(ErrorMessage = "Please enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please choose a new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the new password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [Display(Name = "Confirm the password")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>A code from the authenticator app, to turn two-step verification on.</summary>
public sealed record AuthenticatorCodeForm
{
    [Required(ErrorMessage = "Please enter the code from the app.")]
    [StringLength(12, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Code from the app")]
    public string Code { get; set; } = string.Empty;
}

/// <summary>The current password, asked again before two-step verification is turned off or its recovery codes renewed.</summary>
public sealed record ConfirmPasswordForm
{
    [Required(ErrorMessage = "Please enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;
}

/// <summary>The account security page: the password form, two-step verification's state, and the account's sessions.</summary>
/// <summary>The account security page; <c>MailLanguage</c> is the culture the account's mail is written in.</summary>
public sealed record SecurityPage(string Email, bool TwoFactor, int RecoveryCodesLeft, ChangePasswordForm Change, ConfirmPasswordForm Confirm, IReadOnlyList<SessionRow> Sessions, ConfirmPasswordForm End, string MailLanguage);

/// <summary>One session still going: the browser and system it was signed in from, the address, when.</summary>
public sealed record SessionRow(string Id, string Browser, string Address, DateTime SignedInAt, DateTime LastActive, bool IsThisOne);

/// <summary>Setting up the authenticator app: the key as a QR code and as text, and the form for its first code.</summary>
public sealed record AuthenticatorPage(string Key, string QrCodeDataUri, AuthenticatorCodeForm Form);
