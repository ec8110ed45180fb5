using System.IO.Compression;
using System.Text;

namespace Awards.Core.Anonymization;

/// <summary>
/// What the redaction knows about Chinese characters, from the Unicode Character Database's Unihan
/// files (Data/, made by scripts/unihan/generate.py; Data/LICENSE-Unicode.txt): the simplified form
/// of each traditional character that has exactly one, and the Mandarin readings of each character
/// of the CJK Unified Ideographs block. Both are read from embedded resources once, on first use,
/// by the runtime's thread-safe initialization; nothing per redaction.
/// </summary>
internal static class HanTables
{
    private static readonly Lazy<Dictionary<char, string[]>> Pinyin = new(LoadReadings);

    /// <summary>Traditional to simplified, one character to one character (張 to 张, 門 to 门).</summary>
    public static IEnumerable<(char Traditional, char Simplified)> SimplifiedForms()
    {
        foreach (var line in Lines("traditional.txt.gz"))
        {
            yield return (line[0], line[2]);
        }
    }

    /// <summary>
    /// The toneless readings of a character, the usual one first, with v for ü (lv for 吕); none for
    /// a character outside the block or without a reading.
    /// </summary>
    public static string[] Readings(char c) => Pinyin.Value.TryGetValue(c, out var readings) ? readings : [];

    private static Dictionary<char, string[]> LoadReadings()
    {
        var table = new Dictionary<char, string[]>(21000);
        foreach (var line in Lines("pinyin.txt.gz"))
        {
            table[line[0]] = line[2..].Split(' ');
        }

        return table;
    }

    private static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(HanTables).Assembly.GetManifestResourceStream("Awards.Core.Anonymization.Data." + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length >= 3)
            {
                yield return line;
            }
        }
    }
}
