using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

/// <summary>Identity terms for the tests: one author, Zhang Xiaomei of Qingshan County.</summary>
internal static class Terms
{
    public const string Email = "xiaomei@example.org";
    public const string Phone = "138-0013-8000";

    public static IdentityTerms Author { get; } = new(
        ["张小梅", "Zhang Xiaomei"],
        [Email],
        [Phone],
        ["青山县", "Qingshan County"]);

    public static IdentityTerms Names(params string[] names) => IdentityTerms.None with { Names = names };

    public static IdentityTerms Emails(params string[] emails) => IdentityTerms.None with { Emails = emails };

    public static IdentityTerms Phones(params string[] phones) => IdentityTerms.None with { Phones = phones };

    public static IdentityTerms Units(params string[] units) => IdentityTerms.None with { Units = units };

    /// <summary>Redacts and checks that redacting the result again finds nothing.</summary>
    public static Redaction Redact(string text, IdentityTerms terms)
    {
        var redaction = Redactor.Redact(text, terms);
        var again = Redactor.Redact(redaction.Text, terms);
        Assert.Same(redaction.Text, again.Text);
        Assert.Equal(0, again.Count);
        return redaction;
    }

    public static void AssertUntouched(string text, IdentityTerms terms)
    {
        var redaction = Redactor.Redact(text, terms);
        Assert.Same(text, redaction.Text);
        Assert.Equal(0, redaction.Count);
        Assert.Empty(redaction.Kinds);
        Assert.False(redaction.Any);
    }
}
