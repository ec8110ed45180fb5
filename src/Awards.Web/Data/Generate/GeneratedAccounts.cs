using System.Globalization;

namespace Awards.Web.Data.Generate;

/// <summary>
/// The e-mails and the password of generated accounts, in demo fashion: anyone who reads this
/// can sign in, which is why <c>generate</c> runs in demo mode only.
/// </summary>
public static class GeneratedAccounts
{
    public const string Password = "Generated-Awards-2026";

    public const string Organizer = "organizer@generated.example";

    public static string Judge(int number) => string.Create(CultureInfo.InvariantCulture, $"judge{number:D4}@generated.example");

    public static string Author(int number) => string.Create(CultureInfo.InvariantCulture, $"author{number:D5}@generated.example");

    public static string Coordinator(int number) => string.Create(CultureInfo.InvariantCulture, $"coordinator{number:D4}@generated.example");
}
