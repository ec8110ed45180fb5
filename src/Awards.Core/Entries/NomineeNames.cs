using System.Globalization;
using System.Text;

namespace Awards.Core.Entries;

/// <summary>
/// When two nominations name the same person. Names are typed by different units: one types
/// "张 三" or full-width "ＡＢ", another "张三"; a name of Uyghur or Tibetan origin is written with
/// a middle dot, a bullet, a katakana dot, a full stop or none. The key ignores those differences
/// so the screening list flags the pair as a possible duplicate; it never changes the name as typed.
/// </summary>
public static class NomineeNames
{
    private static readonly char[] Dots = ['·', '•', '・', '‧', '∙', '⋅', '.'];

    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);

        // NFKC turns full-width letters, digits, stops and spaces into their ordinary forms.
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format && Array.IndexOf(Dots, c) < 0)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
