using System.Globalization;
using System.Text;

namespace Awards.Core.Anonymization;

/// <summary>
/// Character classes shared by the matchers. Every class is asked about a folded character:
/// full-width ASCII (ＺＨＡＮＧ, １３８, ＠) becomes ASCII, the ideographic space a space, a Latin
/// letter with a diacritic (Zhāng, Xiǎoméi) its base letter, a traditional Chinese character with
/// one simplified form that form (張 张, 門 门: a profile in one script, an essay in the other), and
/// everything lower case, a Kangxi radical, a radical of the supplement or a CJK compatibility
/// ideograph the ideograph it looks like (⽯ 石, ⻔ 门), and a Cyrillic, Greek, small capital, circled or letterlike letter that passes
/// for a Latin one that letter (Н, Η, ʜ, Ⓗ, ℍ all h; mathematical letters such as 𝐇, two UTF-16
/// characters, through <see cref="FoldPair"/>). Folding maps one character to one character (the
/// views of <see cref="TextView"/> read such a pair as one and remember where it came from), so
/// positions in folded text are positions in the original; a traditional character whose simplified form is several
/// characters or depends on the word (乾 of 乾坤 and 乾燥) is not folded.
/// Both folding and classes are looked up in tables built once (192 KB): Unicode case and category
/// lookups per character made up most of the time of a redaction.
/// </summary>
internal static class Chars
{
    // Letters that look like Latin ones, each followed by the Latin letter it passes for: Cyrillic
    // (Н for H, а for a), Greek (Η for H, ο for o) and small capitals (ʜ for h). Нe Chunsheng with a
    // Cyrillic Н reads as He Chunsheng to a judge.
    private const string LookAlikes =
        "\u0410a\u0412b\u0421c\u0415e\u041Dh\u0406i\u0408j\u041Ak\u041Cm\u041Eo\u0420p\u0405s" +
        "\u0422t\u0425x\u0423y\u04AEy\u04BAh\u051Aq\u051Cw\u04C0l\u0430a\u0432b\u0441c\u0435e" +
        "\u04BBh\u0456i\u0458j\u043Ak\u043Cm\u043Dh\u043Eo\u0440p\u0455s\u0442t\u0445x\u0443y" +
        "\u04AFy\u051Bq\u051Dw\u04CFl\u043Fn\u0433r\u044Cb\u0391a\u0392b\u0395e\u0396z\u0397h" +
        "\u0399i\u039Ak\u039Cm\u039Dn\u039Fo\u03A1p\u03A4t\u03A5y\u03A7x\u03B1a\u03B9i\u03BAk" +
        "\u03BDv\u03BFo\u03C1p\u03C4t\u03C5u\u03C7x\u03B3y\u03B5e\u03B7n\u1D00a\u0299b\u1D04c" +
        "\u1D05d\u1D07e\uA730f\u0262g\u029Ch\u026Ai\u1D0Aj\u1D0Bk\u029Fl\u1D0Dm\u0274n\u1D0Fo" +
        "\u1D18p\u0280r\uA731s\u1D1Bt\u1D1Cu\u1D20v\u1D21w\u028Fy\u1D22z";

    // Radicals of the CJK Radicals Supplement that look like a whole ideograph, each followed by it
    // (⻔ 门, ⺩ 王, ⻘ 青): NFKC leaves the supplement alone. Radicals that only look like a part of
    // one (⺡ for 氵) are not here: no name is written with them.
    private const string SupplementRadicals =
        "\u2E8A卜\u2E8C小\u2E8D小\u2E9D月\u2E9F母\u2EA0民\u2EA9王\u2EAC示\u2EAF糸\u2EBC月\u2EBD臼\u2EC4西" +
        "\u2EC5见\u2EC6角\u2EC9贝\u2ECB车\u2ED1長\u2ED3长\u2ED4门\u2ED7雨\u2ED8青\u2ED9韦\u2EDA页\u2EDB风" +
        "\u2EDC飞\u2EDD食\u2EE1首\u2EE2马\u2EE3骨\u2EE4鬼\u2EE5鱼\u2EE6鸟\u2EE7卤\u2EE8麦\u2EE9黄\u2EEA黾" +
        "\u2EEC齐\u2EEE齿\u2EF0龙\u2EF1龜\u2EF3龟";

    // Outside the basic plane: mathematical alphanumerics (𝐇𝐞, 𝕳𝖊, 𝚮 Greek) and squared letters (🄷).
    private const int MathFrom = 0x1D400;
    private const int MathTo = 0x1D7FF;
    private const int SquaredFrom = 0x1F100;
    private const int SquaredTo = 0x1F1FF;

    private static readonly char[] Folded = BuildFolded();
    private static readonly Kind[] Kinds = BuildKinds();
    private static readonly char[] MathLetters = BuildPairs(MathFrom, MathTo);
    private static readonly char[] SquaredLetters = BuildPairs(SquaredFrom, SquaredTo);

    [Flags]
    private enum Kind : ushort
    {
        None = 0,
        LineBreak = 1,
        Space = 2,
        Invisible = 4,
        Emphasis = 8,
        Hyphen = 16,
        MiddleDot = 32,
        Letter = 64,
        Digit = 128,
        Punctuation = 256,
    }

    public static char Fold(char c) => Folded[c];

    /// <summary>
    /// The Latin letter, folded, that a character outside the basic plane passes for (𝐇 and 🄷 are h),
    /// or <c>'\0'</c>: a mathematical alphanumeric or squared letter written as its two surrogates.
    /// </summary>
    public static char FoldPair(char high, char low)
    {
        if (high is not ('\uD835' or '\uD83C') || !char.IsLowSurrogate(low))
        {
            return '\0';
        }

        return char.ConvertToUtf32(high, low) switch
        {
            >= MathFrom and <= MathTo and var code => MathLetters[code - MathFrom],
            >= SquaredFrom and <= SquaredTo and var code => SquaredLetters[code - SquaredFrom],
            _ => '\0',
        };
    }

    /// <summary>The folded character at <paramref name="index"/>, reading a surrogate pair that <see cref="FoldPair"/> folds as one character from either half.</summary>
    public static char FoldAt(string source, int index)
    {
        var c = source[index];
        var pair = char.IsLowSurrogate(c) && index > 0 ? FoldPair(source[index - 1], c)
            : char.IsHighSurrogate(c) && index + 1 < source.Length ? FoldPair(c, source[index + 1])
            : '\0';
        return pair == '\0' ? Fold(c) : pair;
    }

    public static bool IsDigit(char folded) => Is(folded, Kind.Digit);

    /// <summary>Markdown line endings. A match crosses one only inside a paragraph, and the redaction keeps it (see <see cref="Redactor"/>).</summary>
    public static bool IsLineBreak(char folded) => Is(folded, Kind.LineBreak);

    /// <summary>Visible white space within a line: ASCII, NBSP, the ideographic space, thin spaces.</summary>
    public static bool IsSpace(char folded) => Is(folded, Kind.Space);

    /// <summary>
    /// Characters that show nothing: zero-width spaces and joiners, the soft hyphen, direction
    /// marks, the byte order mark (all Unicode format characters), combining diacritics and
    /// variation selectors.
    /// </summary>
    public static bool IsInvisible(char folded) => Is(folded, Kind.Invisible);

    /// <summary>Markdown emphasis and strikethrough markers, and the backslash that escapes them.</summary>
    public static bool IsEmphasis(char folded) => Is(folded, Kind.Emphasis);

    public static bool IsHyphen(char folded) => Is(folded, Kind.Hyphen);

    /// <summary>The dots between the parts of a transcribed name: 阿卜杜·热合曼, 阿卜杜・热合曼.</summary>
    public static bool IsMiddleDot(char folded) => Is(folded, Kind.MiddleDot);

    /// <summary>What a name or unit view leaves out: any white space within a line, hyphens, middle dots, invisible characters, emphasis.</summary>
    public static bool IsTermFiller(char folded) => Is(folded, Kind.Space | Kind.Hyphen | Kind.MiddleDot | Kind.Invisible | Kind.Emphasis);

    /// <summary>
    /// A letter that continues a Latin word. CJK text around pinyin is a boundary, and so are digits:
    /// zhangxiaomei2024 is a signature too, and a phone number right before a name must not shield it.
    /// </summary>
    public static bool IsWordChar(char folded) => Is(folded, Kind.Letter);

    /// <summary>
    /// Punctuation and symbols that are no filler (、 . / ， | ★ 【】): what an author puts between a
    /// name's characters or letters to hide it in plain sight (何、春、生, H.e.C.h.u.n.s.h.e.n.g).
    /// </summary>
    public static bool IsPunctuation(char folded) => Is(folded, Kind.Punctuation);

    private static bool Is(char folded, Kind kind) => (Kinds[folded] & kind) != 0;

    private static char[] BuildFolded()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000')
            {
                c = ' ';
            }
            else if (c is (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF'))
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                c = decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0]) ? decomposed[0] : c;
            }

            table[i] = char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);
        }

        for (var i = 0; i < LookAlikes.Length; i += 2)
        {
            table[LookAlikes[i]] = LookAlikes[i + 1];
        }

        // Greek and Cyrillic look-alikes with an accent (ά, ё) fold as the letter without it.
        for (var c = '\u0370'; c <= '\u04FF'; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var at = LookAlikes.IndexOf(decomposed[0], StringComparison.Ordinal);
            if (decomposed.Length > 1 && at >= 0 && at % 2 == 0)
            {
                table[c] = LookAlikes[at + 1];
            }
        }

        // Superscript, modifier, letterlike and circled letters (ᴴ, ℎ, ℍ, Ⓗ) as the letters they show.
        foreach (var (from, to) in new[] { ('\u02B0', '\u02FF'), ('\u1D2C', '\u1DBF'), ('\u2070', '\u209F'), ('\u2100', '\u214F'), ('\u24B6', '\u24E9') })
        {
            for (var c = from; c <= to; c++)
            {
                var standard = c.ToString().Normalize(NormalizationForm.FormKC);
                if (standard.Length == 1 && char.IsAsciiLetter(standard[0]))
                {
                    table[c] = char.ToLowerInvariant(standard[0]);
                }
            }
        }

        foreach (var (traditional, simplified) in HanTables.SimplifiedForms())
        {
            table[traditional] = simplified;
        }

        // Kangxi radicals and CJK compatibility ideographs look like the ideographs they stand for
        // (⽯ for 石, 李 U+F9E1 for 李): folded as those are.
        for (var c = '\u2F00'; c <= '\u2FD5'; c++)
        {
            FoldAsCompatibilityForm(table, c);
        }

        for (var c = '\uF900'; c <= '\uFAFF'; c++)
        {
            FoldAsCompatibilityForm(table, c);
        }

        for (var i = 0; i < SupplementRadicals.Length; i += 2)
        {
            table[SupplementRadicals[i]] = table[SupplementRadicals[i + 1]];
        }

        return table;
    }

    private static void FoldAsCompatibilityForm(char[] table, char c)
    {
        var standard = c.ToString().Normalize(NormalizationForm.FormKC);
        if (standard.Length == 1 && standard[0] != c)
        {
            table[c] = table[standard[0]];
        }
    }

    private static char[] BuildPairs(int from, int to)
    {
        var table = new char[to - from + 1];
        for (var code = from; code <= to; code++)
        {
            var standard = char.ConvertFromUtf32(code).Normalize(NormalizationForm.FormKC);
            var folded = standard.Length == 1 ? Fold(standard[0]) : '\0';
            table[code - from] = char.IsAsciiLetterLower(folded) ? folded : '\0';
        }

        return table;
    }

    private static Kind[] BuildKinds()
    {
        var table = new Kind[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                '\n' or '\r' => Kind.LineBreak,
                _ when char.IsWhiteSpace(c) => Kind.Space,
                >= '0' and <= '9' => Kind.Digit,
                '*' or '_' or '~' or '\\' => Kind.Emphasis,
                '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' => Kind.Hyphen,
                '\u00B7' or '\u2022' or '\u2027' or '\u30FB' or '\uFF65' => Kind.MiddleDot,
                (>= '\u0300' and <= '\u036F') or (>= '\uFE00' and <= '\uFE0F') => Kind.Invisible,
                _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => Kind.Invisible,
                < '\u2E80' when char.IsLetter(c) => Kind.Letter,
                _ when char.IsPunctuation(c) || char.IsSymbol(c) => Kind.Punctuation,
                _ => Kind.None,
            };
        }

        return table;
    }
}
