using Awards.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Exports.Documents.OfficialDocx;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Awards.Core.Exports.Documents;

/// <summary>
/// The certificates (荣誉证书), one A4 landscape page each: the title, the winner, what they won,
/// the issuing office and date, and a QR code that opens the public page verifying the certificate.
/// The winner's line is a level-1 heading, so Word's navigation pane lists every winner.
/// </summary>
public static class CertificatesDocument
{
    /// <summary>The title on every page.</summary>
    public const string Heading = "荣誉证书";

    /// <summary>
    /// The red line under the title of a certificate whose result is still on notice: a sheet printed
    /// then is a specimen for checking, and /verify does not confirm its code until the result is final.
    /// </summary>
    public const string SpecimenLine = "样张 · 公示期间不作证书使用";

    private const string SpecimenColor = "FF0000";

    /// <summary>The QR code's side: 2.5 cm in EMUs (360 000 per cm).</summary>
    internal const long QrSideEmus = 900_000;

    /// <summary>Pixels per QR module: about 400 pixels for a verification address, crisp at 2.5 cm.</summary>
    private const int QrPixelsPerModule = 10;

    private const string NoteStyle = "CertificateNote";
    private const string PictureUri = "http://schemas.openxmlformats.org/drawingml/2006/picture";

    // 2 cm margins all round.
    internal const int Margin = 1134;

    private static readonly ParagraphStyle[] Styles =
    [
        new(NormalStyle, "Normal", FangSong, 40) { IndentFirstLine = true, ExactLineTwips = 720 },
        new(TitleStyle, "Title", XiaoBiaoSong, 96)
        {
            Justification = JustificationValues.Center,
            Color = "C00000",
            CharacterSpacingTwips = 200,
            ExactLineTwips = CertificateLayout.TitleLineTwips,
            SpaceAfterTwips = CertificateLayout.TitleSpaceAfterTwips,
            KeepNext = true,
        },
        new(Heading1Style, "heading 1", KaiTi, 44)
        {
            ExactLineTwips = 720,
            OutlineLevel = 0,
            KeepNext = true,
        },
        new(Heading2Style, "heading 2", KaiTi, 40)
        {
            ExactLineTwips = 720,
            OutlineLevel = 1,
            KeepNext = true,
        },
        new(NoteStyle, "Certificate note", SongTi, CertificateLayout.NoteHalfPoints)
        {
            Justification = JustificationValues.Center,
            ExactLineTwips = CertificateLayout.NoteLineTwips,
            KeepNext = true,
        },
    ];

    /// <summary>
    /// Writes one page per certificate to <paramref name="output"/>, which stays open. Every string
    /// is plain text; each QR code is its own PNG image part.
    /// </summary>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<CertificateData> certificates)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(certificates);

        var contestName = Clean(contest.Name);
        var office = Clean(contest.IssuingOffice);
        using var document = Create(output, $"{contestName}{Heading}", office, Styles);
        var main = document.MainDocumentPart!;
        var body = new Body();

        for (var i = 0; i < certificates.Count; i++)
        {
            var certificate = certificates[i];
            ArgumentNullException.ThrowIfNull(certificate);
            var name = Clean(certificate.Name);
            var unit = Clean(certificate.Unit);
            var code = Clean(certificate.VerifyCode);
            var url = Clean(certificate.VerifyUrl);

            body.Append(Paragraph(TitleStyle, Heading));

            // A long title, name or unit is set smaller, so that the certificate stays on its page.
            // A unit nominated by itself is named once.
            var nameLine = unit.Length == 0 || unit == name ? $"{name}：" : $"{name}（{unit}）：";
            var (nameSize, citationSize, title) = CertificateLayout.Fit(
                nameLine, Clean(certificate.Title), t => Citation(contestName, certificate with { Title = t }), office, url, specimen: !certificate.IsFinal);
            if (!certificate.IsFinal)
            {
                body.Append(Paragraph(
                    NoteStyle,
                    SpecimenLine,
                    new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = Twips(CertificateLayout.SpecimenLineTwips), LineRule = LineSpacingRuleValues.Exact }),
                    new RunProperties(
                        new RunFonts { EastAsia = HeiTi },
                        new Color { Val = SpecimenColor },
                        new FontSize { Val = CertificateLayout.SpecimenHalfPoints },
                        new FontSizeComplexScript { Val = CertificateLayout.SpecimenHalfPoints })));
            }

            body.Append(Sized(Heading1Style, nameLine, nameSize, CertificateLayout.NameSizes[0]));
            body.Append(Sized(NormalStyle, Citation(contestName, certificate with { Title = title }), citationSize, CertificateLayout.CitationSizes[0]));
            body.Append(Paragraph(NormalStyle, office, RightAligned(SpaceBefore(CertificateLayout.OfficeSpaceBeforeTwips))));
            body.Append(Paragraph(NormalStyle, Date(certificate.Date ?? contest.Date), RightAligned(new KeepNext())));

            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(QrPng(url)))
            {
                image.FeedData(png);
            }

            var picture = new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = NoteStyle },
                    new KeepNext(),
                    // A single line as tall as the picture: an exact line would cut it off.
                    new SpacingBetweenLines { Before = Twips(CertificateLayout.PictureSpaceBeforeTwips), Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new Run(Picture(main.GetIdOfPart(image), (uint)(i + 1), code)));
            body.Append(picture);
            body.Append(Paragraph(NoteStyle, $"证书编号：{code}"));
            var last = Paragraph(NoteStyle, $"扫码或访问 {url} 核验");
            if (i < certificates.Count - 1)
            {
                last.Append(new Run(new Break { Type = BreakValues.Page }));
            }

            body.Append(last);
        }

        // Each page's content centred between the margins, as printed certificates are.
        var section = Section(landscape: true, top: Margin, right: Margin, bottom: Margin, left: Margin);
        section.Append(new VerticalTextAlignmentOnPage { Val = VerticalJustificationValues.Center });
        body.Append(section);
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>
    /// 在{比赛}中，您的作品《题目》荣获{奖项}{等级}。特发此证，以资鼓励。 The work is named only when there
    /// is a title; a single-level award (the level is the award's name, or the end of it: 征文优秀组织奖 and
    /// 优秀组织奖) is named once. An essay theme named "征文：我的帮扶故事" reads as a sentence:
    /// “我的帮扶故事”征文一等奖.
    /// </summary>
    internal static string Citation(string contestName, CertificateData certificate)
    {
        var title = Clean(certificate.Title).TrimStart('《').TrimEnd('》').Trim();
        var award = Clean(certificate.Award);
        foreach (var essay in EssayPrefixes)
        {
            if (award.StartsWith(essay, StringComparison.Ordinal) && award.Length > essay.Length)
            {
                award = $"“{award[essay.Length..].Trim()}”征文";
                break;
            }
        }

        var level = Clean(certificate.Level);
        var prize = level.Length == 0 || award.EndsWith(level, StringComparison.Ordinal) ? award : award + level;
        var work = title.Length == 0 ? string.Empty : $"您的作品《{title}》";
        return $"在{contestName}中，{work}荣获{prize}。特发此证，以资鼓励。";
    }

    // How the seed and the award settings name an essay theme, with a full-width or a plain colon.
    private static readonly string[] EssayPrefixes = ["征文：", "征文:"];

    /// <summary>The QR code of <paramref name="url"/> as PNG bytes, with its quiet zone.</summary>
    internal static byte[] QrPng(string url) => QrCodes.Png(url, QrPixelsPerModule);

    private static ParagraphProperties RightAligned(OpenXmlElement extra)
    {
        var properties = OfficialDocx.RightAligned();
        properties.PrependChild(extra);
        return properties;
    }

    private static SpacingBetweenLines SpaceBefore(int twips) => new() { Before = Twips(twips) };

    private static string Twips(int twips) => twips.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A paragraph in <paramref name="style"/>, in <paramref name="size"/> when that is not the style's own.</summary>
    private static Paragraph Sized(string style, string text, TextSize size, TextSize styleSize)
    {
        if (size == styleSize)
        {
            return Paragraph(style, text);
        }

        var halfPoints = size.HalfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Paragraph(
            style,
            text,
            new ParagraphProperties(new SpacingBetweenLines { Line = Twips(size.LineTwips), LineRule = LineSpacingRuleValues.Exact }),
            new RunProperties(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints }));
    }

    /// <summary>An inline DrawingML picture of the image <paramref name="relationshipId"/>, 2.5 cm square.</summary>
    private static Drawing Picture(string relationshipId, uint id, string code) =>
        new(new DW.Inline(
            new DW.Extent { Cx = QrSideEmus, Cy = QrSideEmus },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"QR {id}", Description = $"证书核验二维码 {code}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = $"qr{id}.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(
                        new A.Blip { Embed = relationshipId },
                        new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(
                            new A.Offset { X = 0L, Y = 0L },
                            new A.Extents { Cx = QrSideEmus, Cy = QrSideEmus }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = PictureUri }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
}
