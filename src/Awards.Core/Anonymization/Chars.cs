using System.Globalization;
using System.Text;

namespace Awards.Core.Anonymization;

/// <summary>
/// Character classes shared by the matchers. Every class is asked about a folded character:
/// full-width ASCII (ＺＨＡＮＧ, １３８, ＠) becomes ASCII, the ideographic space a space, a Latin
/// letter with a diacritic (Zhāng, Xiǎoméi) its base letter, a traditional Chinese character with
/// one simplified form that form (張 张, 門 门: a profile in one script, an essay in the other), and
/// everything lower case, and a Kangxi radical or CJK compatibility ideograph the ideograph it
/// looks like (⽯ 石). Folding maps one character to one character, so positions in folded text
/// are positions in the original; a traditional character whose simplified form is several
/// characters or depends on the word (乾 of 乾坤 and 乾燥) is not folded.
/// Both folding and classes are looked up in tables built once (192 KB): Unicode case and category
/// lookups per character made up most of the time of a redaction.
/// </summary>
internal static class Chars
{
    private static readonly char[] Folded = BuildFolded();
    private static readonly Kind[] Kinds = BuildKinds();

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
