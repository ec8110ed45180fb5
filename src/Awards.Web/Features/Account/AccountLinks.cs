using System.Text.Encodings.Web;

namespace Awards.Web.Features.Account;

/// <summary>Links sent by mail that carry an account's e-mail and a one-time token.</summary>
public static class AccountLinks
{
    public const string ConfirmEmail = "/account/confirm-email";
    public const string AcceptInvitation = "/account/accept-invitation";
    public const string ResetPassword = "/account/reset-password";

    /// <summary>Built on the configured public address, never on the request's Host header.</summary>
    public static string Build(string publicUrl, string path, string email, string token) =>
        $"{publicUrl.TrimEnd('/')}{path}?email={UrlEncoder.Default.Encode(email)}&token={UrlEncoder.Default.Encode(token)}";
}
