using System.ComponentModel.DataAnnotations;

namespace Awards.Web.Features.Account;

// Messages and display names are localization keys (Resources/SharedResource.zh-CN.resx).
public sealed record LoginForm
{
    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Please enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Keep me signed in on this computer")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
public sealed record TwoFactorLoginForm
{
    [Required(ErrorMessage = "Please enter the code from the app, or a recovery code.")]
    [StringLength(20, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Code from the app, or a recovery code")]
    public string Code { get; set; } = string.Empty;

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed record RegisterForm
{
    [Required(ErrorMessage = "Please enter your real name.")]
    [StringLength(50, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Real name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Please enter a valid e-mail address.")]
    [StringLength(100, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter your phone number.")]
    [RegularExpression(@"^\+?[0-9 \-]{7,20}$", ErrorMessage = "Please enter a valid phone number.")]
    [Display(Name = "Phone")]
    public string Phone { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please choose your county or unit.")]
    [Display(Name = "Your county or unit")]
    public int? UnitId { get; set; }

    [Required(ErrorMessage = "Please choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [Display(Name = "Confirm the password")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed record SetPasswordForm
{
    [Required]
    public string Email { get; set; } = string.Empty;

    [Required]
    public string Token { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [Display(Name = "Confirm the password")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed record UnitOption(int Id, string Name, string Group);
