namespace Awards.Core.Exports.Documents;

/// <summary>
/// Keeps every certificate on its one landscape page: the winner's line and the citation are set
/// in the largest of a few sizes at which their lines, counted conservatively, fit the height the
/// fixed parts (title, office, date, QR code, code, address) leave; a title too long even for the
/// smallest size is shortened with an ellipsis. Every line has an exact height, so counting lines
/// is counting height, in Word and in LibreOffice alike.
/// </summary>
internal static class CertificateLayout
{
    /// <summary>The title (荣誉证书): 48 pt on an exact 60-point line, 18 points after.</summary>
    public const int TitleLineTwips = 1200;
    public const int TitleSpaceAfterTwips = 360;

    /// <summary>The small centred lines (certificate code, address): 10 pt on an exact 15-point line.</summary>
    public const int NoteHalfPoints = 20;
    public const int NoteLineTwips = 300;

    /// <summary>The specimen line of a proposed result: 16 pt on an exact 30-point line.</summary>
    public const string SpecimenHalfPoints = "32";
    public const int SpecimenLineTwips = 600;

    /// <summary>The issuing office and the date, in the citation's largest size and line.</summary>
    public const int OfficeSpaceBeforeTwips = 240;

    /// <summary>The QR code's paragraph: its space before, the picture, and room for the line's descent.</summary>
    public const int PictureSpaceBeforeTwips = 120;

    /// <summary>Landscape A4 less the 2 cm margins, in twips.</summary>
    private const int Width = (int)OfficialDocx.A4LongSide - (2 * Margin);
    private const int Height = (int)OfficialDocx.A4ShortSide - (2 * Margin);
    private const int Margin = CertificatesDocument.Margin;

    private const int PictureTwips = (int)(CertificatesDocument.QrSideEmus / 635) + 300;

    // What a font's lines may lose to breaking at words and to punctuation kept off a line's start.
    private const double UsableWidth = 0.88;

    // Room left for what no count sees (rounding, a renderer's own leading).
    private const int Slack = 480;

    private const string Ellipsis = "……";

    /// <summary>The winner's line: 22 pt on 36-point lines (the style's), down to 12 pt.</summary>
    public static readonly TextSize[] NameSizes = [new(44, 720), new(40, 660), new(36, 600), new(32, 540), new(28, 480), new(24, 420)];

    /// <summary>The citation: 20 pt on 36-point lines (the Normal style's), down to 10.5 pt.</summary>
    public static readonly TextSize[] CitationSizes = [new(40, 720), new(36, 648), new(32, 576), new(28, 504), new(24, 432), new(21, 378)];

    /// <summary>
    /// The sizes of the winner's line and the citation for one certificate, and the title it
    /// names (shortened only when nothing else fits). <paramref name="citation"/> gives the
    /// citation for a title.
    /// </summary>
    public static (TextSize Name, TextSize Citation, string Title) Fit(string nameLine, string title, Func<string, string> citation, string office, string url, bool specimen = false)
    {
        var office0 = CitationSizes[0];
        var fixedHeight = TitleLineTwips + TitleSpaceAfterTwips
            + OfficeSpaceBeforeTwips + (office0.LineTwips * Lines(office, office0.HalfPoints, indentChars: 0))
            + office0.LineTwips
            + PictureSpaceBeforeTwips + PictureTwips
            + (NoteLineTwips * (Lines("证书编号：XXXX-XXXX-XXXX", NoteHalfPoints, 0) + Lines($"扫码或访问 {url} 核验", NoteHalfPoints, 0)))
            + (specimen ? SpecimenLineTwips : 0)
            + Slack;

        // The winner's line keeps to two lines where it can, shrinking before the citation does.
        var name = NameSizes.FirstOrDefault(s => Lines(nameLine, s.HalfPoints, 0) <= 2) ?? NameSizes[^1];
        var left = Height - fixedHeight - (name.LineTwips * Lines(nameLine, name.HalfPoints, 0));

        var shortened = title;
        while (true)
        {
            var text = citation(shortened);
            var size = CitationSizes.FirstOrDefault(s => s.LineTwips * Lines(text, s.HalfPoints, indentChars: 2) <= left);
            if (size is not null || shortened.Length == 0)
            {
                return (name, size ?? CitationSizes[^1], shortened);
            }

            // Ten characters less at a time, never splitting a surrogate pair.
            var keep = Math.Max(0, shortened.TrimEnd(Ellipsis.ToCharArray()).Length - 10);
            if (keep > 0 && char.IsHighSurrogate(shortened[keep - 1]))
            {
                keep--;
            }

            shortened = keep == 0 ? string.Empty : shortened[..keep] + Ellipsis;
        }
    }

    /// <summary>
    /// How many lines <paramref name="text"/> takes at <paramref name="halfPoints"/> across the
    /// page, counting a Chinese character (or any other not ASCII) as a full em and an ASCII one
    /// as 0.6 em, which is more than Times New Roman's letters take on average.
    /// </summary>
    internal static int Lines(string text, int halfPoints, int indentChars)
    {
        var ems = (double)indentChars;
        foreach (var c in text)
        {
            ems += c < '\u0080' ? 0.6 : char.IsLowSurrogate(c) ? 0 : 1;
        }

        var perLine = Width * UsableWidth / (halfPoints * 10);
        return Math.Max(1, (int)Math.Ceiling(ems / perLine));
    }
}

/// <summary>A font size in half-points and its exact line height in twips.</summary>
internal sealed record TextSize(int HalfPoints, int LineTwips);
