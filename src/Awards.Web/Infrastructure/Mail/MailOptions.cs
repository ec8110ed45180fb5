namespace Awards.Web.Infrastructure.Mail;

/// <summary>The "Mail" configuration section. Without an SMTP host, mail goes to .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "awards@localhost";

    public string FromName { get; set; } = "Awards";

    /// <summary>Folder for .eml files when no SMTP host is set; relative to the repository root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
