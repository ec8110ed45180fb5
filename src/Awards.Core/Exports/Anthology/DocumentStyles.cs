using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// The style sheet of the anthology and the judge packet. Headings carry the built-in names
/// ("heading 1"…) and outline levels that Word's navigation pane and table of contents look for.
/// </summary>
internal static class DocumentStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string BodyText = "BodyText";
    public const string Byline = "Byline";
    public const string Quote = "Quote";
    public const string CodeBlock = "CodeBlock";
    public const string InlineCode = "InlineCode";
    public const string CoverText = "CoverText";
    public const string Note = "Note";
    public const string FrontHeading = "FrontHeading";
    public const string TocHeading = "TOCHeading";
    public const string Footer = "Footer";

    public const string LatinFont = "Times New Roman";
    public const string SongTi = "宋体";
    public const string HeiTi = "黑体";
    public const string KaiTi = "楷体";
    public const string CodeFont = "Consolas";

    /// <summary>The width of the text between the margins of an A4 page, in twips.</summary>
    public const int TextWidth = PageWidth - (2 * SideMargin);

    /// <summary>One indentation step (lists, quotes): two characters of 12 pt.</summary>
    public const int IndentStep = 480;

    private const string BodyIndentTwips = "480";

    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int SideMargin = 1800;
    private const int TopMargin = 1440;
    private const string GreyText = "595959";
    private const string CodeShading = "F2F2F2";
    private const string CompatibilityUri = "http://schemas.microsoft.com/office/word";

    /// <summary>Heading 1 to 6 in half-points: 18, 16, 15, 14, 13 and 12 pt.</summary>
    private static readonly int[] HeadingSizes = [36, 32, 30, 28, 26, 24];

    /// <summary>The style id of Heading <paramref name="level"/> (clamped to 1–6).</summary>
    public static string Heading(int level) => "Heading" + Math.Clamp(level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The style id of table-of-contents level <paramref name="level"/> (1–3).</summary>
    public static string Toc(int level) => "TOC" + Math.Clamp(level, 1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Styles Styles()
    {
        var styles = new Styles(DocDefaults());
        styles.Append(ParagraphStyle(Normal, "Normal", basedOn: null, isDefault: true));
        styles.Append(ParagraphStyle(
            Title,
            "Title",
            paragraph: [new SpacingBetweenLines { Before = "240", After = "480" }, Centred()],
            run: [Fonts(HeiTi), new Bold(), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" }]));
        styles.Append(ParagraphStyle(
            Subtitle,
            "Subtitle",
            paragraph: [new SpacingBetweenLines { Before = "240", After = "240" }, Centred()],
            run: [Fonts(HeiTi), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" }]));
        for (var level = 1; level <= 6; level++)
        {
            styles.Append(HeadingStyle(level));
        }

        styles.Append(ParagraphStyle(
            BodyText,
            "Body Text",
            // Two characters' first-line indent, as Chinese body text is set. Word reads the
            // character units; LibreOffice ignores them and needs the same indent in twips.
            paragraph: [new Indentation { FirstLineChars = 200, FirstLine = BodyIndentTwips }, new Justification { Val = JustificationValues.Both }]));
        styles.Append(ParagraphStyle(
            Byline,
            "Byline",
            // Kept with the text below, as the title above is kept with it: never alone at a page's foot.
            paragraph: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Right }],
            run: [Fonts(KaiTi), new Color { Val = GreyText }]));
        styles.Append(ParagraphStyle(Quote, "Quote", run: [Fonts(KaiTi), new Color { Val = GreyText }]));
        styles.Append(ParagraphStyle(
            CodeBlock,
            "Code Block",
            paragraph: [new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = CodeShading }, new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }],
            run: [new RunFonts { Ascii = CodeFont, HighAnsi = CodeFont, ComplexScript = CodeFont }, new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }]));
        styles.Append(new Style(
            new StyleName { Val = "Inline Code" },
            new UIPriority { Val = 99 },
            new StyleRunProperties(
                new RunFonts { Ascii = CodeFont, HighAnsi = CodeFont, ComplexScript = CodeFont },
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = CodeShading }))
        {
            Type = StyleValues.Character,
            StyleId = InlineCode,
        });
        styles.Append(ParagraphStyle(
            CoverText,
            "Cover Text",
            paragraph: [new SpacingBetweenLines { Before = "120", After = "120" }, Centred()],
            run: [new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" }]));
        styles.Append(ParagraphStyle(
            Note,
            "Note",
            paragraph: [new SpacingBetweenLines { After = "480" }, Centred()],
            run: [Fonts(KaiTi), new Color { Val = GreyText }]));
        styles.Append(ParagraphStyle(
            FrontHeading,
            "Front Matter Heading",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "480", After = "480" }, Centred()],
            run: [Fonts(HeiTi), new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" }]));
        styles.Append(ParagraphStyle(
            TocHeading,
            "TOC Heading",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "480", After = "480" }, Centred()],
            run: [Fonts(HeiTi), new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" }]));
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(ParagraphStyle(
                Toc(level),
                "toc " + level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                paragraph:
                [
                    new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
                    new Indentation { LeftChars = (level - 1) * 200, Left = ((level - 1) * IndentStep).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ]));
        }

        styles.Append(ParagraphStyle(
            Footer,
            "footer",
            paragraph: [new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, Centred()],
            run: [new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]));
        return styles;
    }

    /// <summary>
    /// The settings; <paramref name="removePersonalInformation"/> makes Word keep the saver's name
    /// out. No <c>w:updateFields</c>: the contents are written out, and Word would ask on every open.
    /// </summary>
    public static Settings Settings(bool removePersonalInformation)
    {
        // Schema order: zoom, removePersonalInformation, removeDateAndTime, defaultTabStop,
        // characterSpacingControl, compat, themeFontLang.
        var settings = new Settings(new Zoom { Percent = "100" });
        if (removePersonalInformation)
        {
            settings.Append(new RemovePersonalInformation(), new RemoveDateAndTime());
        }

        settings.Append(
            new DefaultTabStop { Val = 420 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = CompatibilityUri,
                Val = "15",
            }),
            new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
        return settings;
    }

    /// <summary>A footer holding the page number, centred.</summary>
    public static DocumentFormat.OpenXml.Wordprocessing.Footer PageNumberFooter()
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = Footer } });
        paragraph.Append(WordText.Field(" PAGE ", "1", dirty: false));
        return new DocumentFormat.OpenXml.Wordprocessing.Footer(paragraph);
    }

    /// <summary>A4 portrait with the usual Chinese margins and the page-number footer.</summary>
    public static SectionProperties Section(string footerRelationshipId, bool coverPage = false)
    {
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerRelationshipId },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = TopMargin,
                Right = SideMargin,
                Bottom = TopMargin,
                Left = SideMargin,
                Header = 851,
                Footer = 992,
                Gutter = 0,
            });

        // A different first page without a footer of its own: the cover bears no page number.
        if (coverPage)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    private static DocDefaults DocDefaults() => new(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = SongTi, ComplexScript = LatinFont },
            new FontSize { Val = "24" },
            new FontSizeComplexScript { Val = "24" },
            new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
            new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto })));

    private static Style HeadingStyle(int level)
    {
        var size = HeadingSizes[level - 1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = level <= 2 ? "480" : "360";
        OpenXmlElement[] paragraph = level <= 3
            ? [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = before, After = "240" }, Centred(), new OutlineLevel { Val = level - 1 }]
            : [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = before, After = "120" }, new OutlineLevel { Val = level - 1 }];
        return ParagraphStyle(
            Heading(level),
            "heading " + level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            paragraph: paragraph,
            run: [Fonts(HeiTi), new Bold(), new FontSize { Val = size }, new FontSizeComplexScript { Val = size }],
            uiPriority: 9);
    }

    private static Style ParagraphStyle(
        string id,
        string name,
        string? basedOn = Normal,
        bool isDefault = false,
        OpenXmlElement[]? paragraph = null,
        OpenXmlElement[]? run = null,
        int? uiPriority = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        // Schema order: name, basedOn, next, uiPriority, qFormat, pPr, rPr.
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = Normal });
        }

        if (uiPriority is { } priority)
        {
            style.Append(new UIPriority { Val = priority });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is { Length: > 0 })
        {
            style.Append(new StyleParagraphProperties(paragraph));
        }

        if (run is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(run));
        }

        return style;
    }

    private static RunFonts Fonts(string eastAsia) => new() { EastAsia = eastAsia };

    private static Justification Centred() => new() { Val = JustificationValues.Center };
}
