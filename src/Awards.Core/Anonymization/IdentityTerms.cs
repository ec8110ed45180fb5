namespace Awards.Core.Anonymization;

/// <summary>
/// What could tell a judge who wrote or nominated an entry: the author's and nominees' names (in
/// Chinese characters and/or pinyin), e-mail addresses, phone numbers and unit names. Null,
/// blank and one-character terms are ignored.
/// </summary>
public sealed record IdentityTerms(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Units)
{
    /// <summary>No terms: only the addresses and mobile numbers any text is scanned for are redacted.</summary>
    public static readonly IdentityTerms None = new([], [], [], []);
}
