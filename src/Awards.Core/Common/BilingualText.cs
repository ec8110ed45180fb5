namespace Awards.Core.Common;

/// <summary>
/// Contest content (track names, rules, unit names) that organizers write in both UI languages.
/// Chinese is the default; English falls back to Chinese when left empty.
/// </summary>
public sealed record BilingualText(string Zh, string En)
{
    public static readonly BilingualText Empty = new(string.Empty, string.Empty);

    public string For(string cultureName) =>
        cultureName.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(En)
            ? En
            : Zh;

    public string ForCurrentCulture() => For(System.Globalization.CultureInfo.CurrentUICulture.Name);

    public override string ToString() => ForCurrentCulture();
}
