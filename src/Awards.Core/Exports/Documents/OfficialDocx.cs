using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Documents;

/// <summary>
/// What the commendation notice and the certificates share: the package with its properties, font
/// table and settings, the styles part, plain-text paragraphs, and the cleaning of user strings.
/// </summary>
internal static class OfficialDocx
{
    public const string NormalStyle = "Normal";
    public const string TitleStyle = "Title";
    public const string Heading1Style = "Heading1";
    public const string Heading2Style = "Heading2";

    /// <summary>The Latin font and the East Asian font every run falls back to (docDefaults).</summary>
    public const string LatinFont = "Times New Roman";
    public const string SongTi = "宋体";
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string FangSong = "仿宋_GB2312";
    public const string KaiTi = "楷体_GB2312";
    public const string HeiTi = "黑体";

    /// <summary>A4 in twips.</summary>
    public const uint A4ShortSide = 11906;
    public const uint A4LongSide = 16838;

    /// <summary>The dash on each side of a page number (一字线).</summary>
    public const string PageNumberDash = "—";

    private const string CompatibilityUri = "http://schemas.microsoft.com/office/word";

    /// <summary>
    /// The fonts the documents name, each with the font Word and LibreOffice should use when it is
    /// not installed (w:altName in the font table): the GB2312 faces and 方正小标宋简体 are often
    /// missing, their plain counterparts ship with every Chinese Windows.
    /// </summary>
    private static readonly (string Name, string? AlternativeName, FontFamilyValues Family)[] FontTableEntries =
    [
        (LatinFont, null, FontFamilyValues.Roman),
        (SongTi, null, FontFamilyValues.Auto),
        (XiaoBiaoSong, SongTi, FontFamilyValues.Auto),
        (FangSong, "仿宋", FontFamilyValues.Modern),
        (KaiTi, "楷体", FontFamilyValues.Modern),
        (HeiTi, null, FontFamilyValues.Modern),
    ];

    /// <summary>
    /// Creates the package in <paramref name="output"/> (left open: the caller owns it) with its
    /// core properties (title and creator, nothing else about who wrote it), font table, settings and
    /// the styles in <paramref name="styles"/>.
    /// </summary>
    public static WordprocessingDocument Create(Stream output, string title, string creator, IEnumerable<ParagraphStyle> styles)
    {
        var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        try
        {
            var properties = document.PackageProperties;
            properties.Title = title;
            properties.Creator = creator;
            properties.Language = "zh-CN";

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(styles);
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = CompatibilityUri,
                    Val = "15",
                }));
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>A paragraph in <paramref name="style"/> holding <paramref name="text"/> as plain text.</summary>
    public static Paragraph Paragraph(string style, string text, ParagraphProperties? properties = null, RunProperties? runProperties = null)
    {
        properties ??= new ParagraphProperties();
        properties.PrependChild(new ParagraphStyleId { Val = style });
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(TextRun(text, runProperties));
        }

        return paragraph;
    }

    /// <summary>A run holding <paramref name="text"/>, which must already be clean (see <see cref="Clean"/>).</summary>
    public static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
        {
            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>An empty paragraph in the default style.</summary>
    public static Paragraph BlankLine() => Paragraph(NormalStyle, string.Empty);

    /// <summary>Right-aligned, not indented: the issuing office and the date.</summary>
    public static ParagraphProperties RightAligned() => new(
        new Indentation { FirstLine = "0", FirstLineChars = 0 },
        new Justification { Val = JustificationValues.Right });

    /// <summary>Centred, not indented.</summary>
    public static ParagraphProperties Centred() => new(
        new Indentation { FirstLine = "0", FirstLineChars = 0 },
        new Justification { Val = JustificationValues.Center });

    /// <summary>The date as documents print it, e.g. 2026年11月21日 (Arabic digits, GB/T 9704).</summary>
    public static string Date(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>
    /// A user string made safe for a run of plain text: null becomes empty, characters XML 1.0 forbids
    /// (C0 controls other than tab, CR and LF; U+FFFE, U+FFFF; unpaired surrogates) are dropped, and
    /// tab, CR and LF become spaces (a w:t is one line), then the result is trimmed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            if (c is '\t' or '\r' or '\n')
            {
                builder.Append(' ');
            }
            else if (c >= '\u0020')
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// A positive number in Chinese, as headings count: 一, 十, 十一, 二十一, 一百零五. Numbers of
    /// ten thousand and more keep their digits (no notice has that many sections).
    /// </summary>
    public static string ChineseNumeral(int number)
    {
        if (number is <= 0 or >= 10_000)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        const string Digits = "零一二三四五六七八九";
        ReadOnlySpan<char> units = ['千', '百', '十', '\0'];
        var builder = new StringBuilder();
        var pendingZero = false;
        var divisor = 1000;
        for (var position = 0; position < 4; position++, divisor /= 10)
        {
            var digit = number / divisor % 10;
            if (digit == 0)
            {
                pendingZero |= builder.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                builder.Append('零');
                pendingZero = false;
            }

            builder.Append(Digits[digit]);
            if (units[position] != '\0')
            {
                builder.Append(units[position]);
            }
        }

        // 十一, not 一十一.
        return number is >= 10 and < 20 ? builder.ToString(1, builder.Length - 1) : builder.ToString();
    }

    /// <summary>
    /// The section: A4, portrait or landscape, with the given margins in twips, and the footer
    /// <paramref name="footerId"/> (see <see cref="AddPageNumberFooter"/>) on every page when given.
    /// </summary>
    public static SectionProperties Section(bool landscape, int top, uint right, int bottom, uint left, string? footerId = null)
    {
        var section = new SectionProperties();
        if (footerId is not null)
        {
            section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        }

        section.Append(
            landscape
                ? new PageSize { Width = A4LongSide, Height = A4ShortSide, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = A4ShortSide, Height = A4LongSide },
            new PageMargin { Top = top, Right = right, Bottom = bottom, Left = left, Header = 851U, Footer = 992U, Gutter = 0U });
        return section;
    }

    /// <summary>
    /// Adds a footer with the page number as official documents print it (GB/T 9704): "— 1 —", an
    /// em dash on each side, in 4号 (14 pt) 宋体, here centred; returns its relationship id.
    /// </summary>
    public static string AddPageNumberFooter(MainDocumentPart main)
    {
        const string Size = "28";
        RunProperties Font() => new(
            new RunFonts { Ascii = SongTi, HighAnsi = SongTi, EastAsia = SongTi },
            new FontSize { Val = Size },
            new FontSizeComplexScript { Val = Size });

        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = "0", FirstLineChars = 0 },
            new Justification { Val = JustificationValues.Center }));
        paragraph.Append(TextRun(PageNumberDash + " ", Font()));
        foreach (var run in Anthology.WordText.Field(" PAGE ", "1", dirty: false))
        {
            run.PrependChild(Font());
            paragraph.Append(run);
        }

        paragraph.Append(TextRun(" " + PageNumberDash, Font()));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(paragraph);
        footer.Footer.Save();
        return main.GetIdOfPart(footer);
    }

    private static Styles Styles(IEnumerable<ParagraphStyle> styles)
    {
        var part = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, ComplexScript = LatinFont, EastAsia = SongTi },
                    new FontSize { Val = "21" },
                    new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault()));
        foreach (var style in styles)
        {
            part.Append(style.ToStyle());
        }

        return part;
    }

    private static Fonts FontTable()
    {
        var fonts = new Fonts();
        foreach (var (name, alternativeName, family) in FontTableEntries)
        {
            var font = new Font { Name = name };
            if (alternativeName is not null)
            {
                font.Append(new AltName { Val = alternativeName });
            }

            // 86 is GB2312; the Latin font is ANSI (00).
            font.Append(
                new FontCharSet { Val = name == LatinFont ? "00" : "86" },
                new FontFamily { Val = family },
                new Pitch { Val = FontPitchValues.Variable });
            fonts.Append(font);
        }

        return fonts;
    }
}

/// <summary>
/// A paragraph style of the official documents: its East Asian font and size in half-points, and
/// the little layout a Chinese official document needs.
/// </summary>
internal sealed record ParagraphStyle(string Id, string Name, string EastAsiaFont, int HalfPoints)
{
    /// <summary>0 for level-1 headings, 1 for level-2 ones: what the navigation pane lists.</summary>
    public int? OutlineLevel { get; init; }

    public bool Bold { get; init; }

    /// <summary>RRGGBB.</summary>
    public string? Color { get; init; }

    public JustificationValues Justification { get; init; } = JustificationValues.Both;

    /// <summary>Indents the first line by two characters (首行缩进2字符).</summary>
    public bool IndentFirstLine { get; init; }

    /// <summary>Exact line spacing in twips; null for single spacing.</summary>
    public int? ExactLineTwips { get; init; }

    public int SpaceBeforeTwips { get; init; }

    public int SpaceAfterTwips { get; init; }

    /// <summary>Extra space between characters in twips (字间距).</summary>
    public int CharacterSpacingTwips { get; init; }

    public bool KeepNext { get; init; }

    public Style ToStyle()
    {
        var isNormal = Id == OfficialDocx.NormalStyle;
        var style = new Style { Type = StyleValues.Paragraph, StyleId = Id };
        if (isNormal)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = Name });
        if (!isNormal)
        {
            style.Append(new BasedOn { Val = OfficialDocx.NormalStyle }, new NextParagraphStyle { Val = OfficialDocx.NormalStyle });
        }

        style.Append(new PrimaryStyle());

        var paragraph = new StyleParagraphProperties();
        if (KeepNext)
        {
            paragraph.Append(new KeepNext());
        }

        paragraph.Append(ExactLineTwips is { } line
            ? new SpacingBetweenLines
            {
                Before = Twips(SpaceBeforeTwips),
                After = Twips(SpaceAfterTwips),
                Line = Twips(line),
                LineRule = LineSpacingRuleValues.Exact,
            }
            : new SpacingBetweenLines
            {
                Before = Twips(SpaceBeforeTwips),
                After = Twips(SpaceAfterTwips),
                Line = "240",
                LineRule = LineSpacingRuleValues.Auto,
            });

        // Two characters of this style's size: half-points × 10 twips per character.
        paragraph.Append(IndentFirstLine
            ? new Indentation { FirstLineChars = 200, FirstLine = Twips(HalfPoints * 20) }
            : new Indentation { FirstLineChars = 0, FirstLine = "0" });
        paragraph.Append(new Justification { Val = Justification });
        if (OutlineLevel is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        style.Append(paragraph);

        var run = new StyleRunProperties(new RunFonts { EastAsia = EastAsiaFont });
        if (Bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }

        if (Color is not null)
        {
            run.Append(new Color { Val = Color });
        }

        if (CharacterSpacingTwips != 0)
        {
            run.Append(new Spacing { Val = CharacterSpacingTwips });
        }

        var size = HalfPoints.ToString(CultureInfo.InvariantCulture);
        run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        style.Append(run);
        return style;
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
