using System.Text;
using System.Text.RegularExpressions;

namespace Awards.Core.Common;

/// <summary>
/// Counts the length of Chinese contest text the way word processors count 字数: every CJK
/// character (ideographs, kana, hangul, full-width punctuation) counts one, every run of Latin
/// letters or digits counts one word, and white space, ASCII punctuation and Markdown markup
/// count nothing. The punctuation Chinese text borrows from general blocks — curly quotes “”‘’,
/// the dash —, the ellipsis … and the middle dot · — counts one per character as in Word's 字数,
/// except an apostrophe inside a Latin word (don’t), which stays part of the word. This is the
/// count that length limits on deeds and essays refer to; wwwroot/js/site.js repeats it for the
/// live count.
/// </summary>
public static partial class TextLength
{
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        foreach (var rune in LinkTarget().Replace(text, "]").EnumerateRunes())
        {
            if (inWord && (rune.Value == '\'' || rune.Value == '’' || rune.Value == '-'))
            {
                continue;
            }

            if (IsCjk(rune) || IsChinesePunctuation(rune))
            {
                count++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }

    public static bool IsCjk(Rune rune)
    {
        var v = rune.Value;
        return v is (>= 0x4E00 and <= 0x9FFF)      // CJK Unified Ideographs
            or (>= 0x3400 and <= 0x4DBF)           // Extension A
            or (>= 0x20000 and <= 0x2EBEF)         // Extensions B–F
            or (>= 0xF900 and <= 0xFAFF)           // Compatibility Ideographs
            or (>= 0x3000 and <= 0x303F)           // CJK symbols and punctuation 。、「」
            or (>= 0x3040 and <= 0x30FF)           // Hiragana, Katakana
            or (>= 0xAC00 and <= 0xD7AF)           // Hangul syllables
            or (>= 0xFF01 and <= 0xFF60);          // Full-width forms ，！？（）
    }

    /// <summary>Punctuation outside the CJK blocks that Chinese text uses: “” ‘’ — ― … ·.</summary>
    public static bool IsChinesePunctuation(Rune rune) =>
        rune.Value is (>= 0x2018 and <= 0x201F) or 0x2014 or 0x2015 or 0x2026 or 0x00B7;

    /// <summary>The address of a Markdown link or image, <c>](https://…)</c>, is markup, not text.</summary>
    [GeneratedRegex(@"\]\([^)\s]*(\s+""[^""]*"")?\)")]
    private static partial Regex LinkTarget();
}
