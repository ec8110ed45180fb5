using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Uploads;

/// <summary>What a paragraph is, from its style: the title, a heading, or a list item.</summary>
internal enum ParagraphRole
{
    Body,
    Title,
    Heading,
}

/// <summary>
/// The parts of the styles and numbering definitions the converter needs: heading levels, list
/// kinds, and bold/italic/hidden from character styles. Names are read only to recognise
/// built-in styles; nothing from here reaches the output.
/// </summary>
internal sealed class DocxStyles
{
    // Word writes the English names of built-in styles whatever its language, but files saved by
    // other editors (WPS) carry the localized names.
    private static readonly string[] TitleNames = ["title", "标题", "標題"];
    private static readonly string[] HeadingPrefixes = ["heading", "标题", "標題"];

    private const int MaxChain = 16;

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];

    public DocxStyles(Styles? styles, Numbering? numbering)
    {
        if (styles is not null)
        {
            foreach (var style in styles.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id)
                {
                    _styles.TryAdd(id, style);
                }
            }
        }

        if (numbering is not null)
        {
            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (ReadInt(instance.NumberID) is { } id)
                {
                    _instances.TryAdd(id, instance);
                }
            }

            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (ReadInt(abstractNum.AbstractNumberId) is { } id)
                {
                    _abstracts.TryAdd(id, abstractNum);
                }
            }
        }
    }

    /// <summary>The role of a paragraph and, for a heading, its level (1–6).</summary>
    public (ParagraphRole Role, int Level) RoleOf(ParagraphProperties? properties)
    {
        if (ReadInt(properties?.OutlineLevel?.Val) is { } direct)
        {
            return FromOutlineLevel(direct);
        }

        foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
        {
            var name = Normalize(style.StyleName?.Val?.Value);
            var id = Normalize(style.StyleId?.Value);
            if (TitleNames.Contains(name) || id == "title")
            {
                return (ParagraphRole.Title, 1);
            }

            if (ReadInt(style.StyleParagraphProperties?.OutlineLevel?.Val) is { } outline)
            {
                return FromOutlineLevel(outline);
            }

            if (HeadingLevel(name) is { } byName)
            {
                return (ParagraphRole.Heading, byName);
            }

            if (HeadingLevel(id) is { } byId)
            {
                return (ParagraphRole.Heading, byId);
            }
        }

        return (ParagraphRole.Body, 0);
    }

    /// <summary>Whether a paragraph is a list item, and if so its kind and level (0 at the top).</summary>
    public (bool Ordered, int Level)? ListOf(ParagraphProperties? properties)
    {
        var direct = properties?.NumberingProperties;
        var numberingId = ReadInt(direct?.NumberingId?.Val);
        var level = ReadInt(direct?.NumberingLevelReference?.Val);
        if (numberingId is null)
        {
            foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
            {
                var inherited = style.StyleParagraphProperties?.NumberingProperties;
                if (ReadInt(inherited?.NumberingId?.Val) is { } id)
                {
                    numberingId = id;
                    level ??= ReadInt(inherited?.NumberingLevelReference?.Val);
                    break;
                }
            }
        }

        // numId 0 takes the numbering a style gives away.
        if (numberingId is not { } numId || numId == 0)
        {
            return null;
        }

        var ilvl = Math.Clamp(level ?? 0, 0, 8);
        var format = NumberFormat(numId, ilvl, depth: 0);
        return format switch
        {
            null or "none" => null,
            "bullet" => (false, ilvl),
            _ => (true, ilvl),
        };
    }

    /// <summary>Bold, italic and hidden as the run's character style sets them; null where it does not.</summary>
    public (bool? Bold, bool? Italic, bool? Hidden) CharacterStyle(string? styleId)
    {
        bool? bold = null;
        bool? italic = null;
        bool? hidden = null;
        foreach (var style in Chain(styleId))
        {
            var properties = style.StyleRunProperties;
            bold ??= IsOn(properties?.Bold);
            italic ??= IsOn(properties?.Italic);
            hidden ??= IsOn(properties?.Vanish);
        }

        return (bold, italic, hidden);
    }

    /// <summary>A toggle property: absent is null; present is on unless its w:val is 0, false or off.</summary>
    public static bool? IsOn(OnOffType? toggle)
    {
        if (toggle is null)
        {
            return null;
        }

        var value = toggle.Val?.InnerText;
        return value is null
            || !(value.Equals("0", StringComparison.Ordinal)
                || value.Equals("false", StringComparison.OrdinalIgnoreCase)
                || value.Equals("off", StringComparison.OrdinalIgnoreCase));
    }

    public static int? ReadInt(OpenXmlSimpleType? value) =>
        int.TryParse(value?.InnerText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private string? NumberFormat(int numId, int ilvl, int depth)
    {
        if (depth > 4 || !_instances.TryGetValue(numId, out var instance))
        {
            return null;
        }

        foreach (var levelOverride in instance.Elements<LevelOverride>())
        {
            if (ReadInt(levelOverride.LevelIndex) == ilvl && levelOverride.Level is { } overridden)
            {
                return FormatOf(overridden);
            }
        }

        if (ReadInt(instance.AbstractNumId?.Val) is not { } abstractId || !_abstracts.TryGetValue(abstractId, out var abstractNum))
        {
            return null;
        }

        // A list style: the abstract numbering only points at a numbering style, whose own
        // numbering holds the levels.
        if (abstractNum.GetFirstChild<NumberingStyleLink>()?.Val?.Value is { } linkedStyle)
        {
            var linked = Chain(linkedStyle).FirstOrDefault()?.StyleParagraphProperties?.NumberingProperties;
            return ReadInt(linked?.NumberingId?.Val) is { } linkedId && linkedId != numId
                ? NumberFormat(linkedId, ilvl, depth + 1)
                : null;
        }

        foreach (var level in abstractNum.Elements<Level>())
        {
            if (ReadInt(level.LevelIndex) == ilvl)
            {
                return FormatOf(level);
            }
        }

        return null;
    }

    // A level without w:numFmt is numbered in decimal.
    private static string FormatOf(Level level) => level.NumberingFormat?.Val?.InnerText ?? "decimal";

    /// <summary>The style and the styles it is based on, nearest first, stopping at a cycle.</summary>
    private IEnumerable<Style> Chain(string? styleId)
    {
        var seen = 0;
        while (styleId is not null && seen++ < MaxChain && _styles.TryGetValue(styleId, out var style))
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private static (ParagraphRole Role, int Level) FromOutlineLevel(int outlineLevel) =>
        outlineLevel is >= 0 and <= 5 ? (ParagraphRole.Heading, outlineLevel + 1) : (ParagraphRole.Body, 0);

    private static int? HeadingLevel(string name)
    {
        foreach (var prefix in HeadingPrefixes)
        {
            if (name.Length == prefix.Length + 1
                && name.StartsWith(prefix, StringComparison.Ordinal)
                && name[^1] is >= '1' and <= '6')
            {
                return name[^1] - '0';
            }
        }

        return null;
    }

    private static string Normalize(string? name) =>
        name is null ? string.Empty : string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
