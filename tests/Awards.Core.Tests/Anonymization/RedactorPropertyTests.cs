using System.Diagnostics;
using System.Text;
using Awards.Core.Anonymization;

namespace Awards.Core.Tests.Anonymization;

/// <summary>
/// Random Markdown text (seeded, so failures repeat) with the author's terms planted at random
/// places in random spellings: every planted term is gone, and everything else is still there.
/// </summary>
public class RedactorPropertyTests
{
    // None of 张 小 梅 青 山 县: the rest of the text must not match anything.
    private const string Ideographs = "我们在乡村振兴的路上走了很多年每一天都有新的变化孩子读书老师讲课田里庄稼长得好风吹过河水流向远方春天来";
    private const string Punctuation = "，。！？、；：";

    private static readonly string[] Words =
        ["the", "road", "school", "village", "river", "spring", "Ms", "at", "dot", "C#", "a.b", "100%"];
    private static readonly string[] LineStarts = ["\n\n## ", "\n- ", "\n* ", "\n> ", "\n1. ", "\n| ", " | ", "\n\n"];
    private static readonly string[] NameSeparators = ["", "", " ", "\u3000", "\u00A0", "\u200B", "\t", "*", "**", "_", " ~~ "];
    private static readonly string[] PinyinJoins = [" ", "-", "", "\u3000", "  ", "\t", "\u00A0"];
    private static readonly string[] PhoneSeparators = ["", " ", "-", ".", "\u3000", " - ", "\u200B"];
    private static readonly string[] PhonePrefixes = ["", "", "+86 ", "0086 ", "86-", "+86", "(+86) ", "＋８６ "];
    private static readonly string[] Ats = ["@", "＠", " at ", " AT ", "(at)", " [at] ", "#", "（at）"];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40).Select(i => i * 7919)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Redact_RemovesEveryPlantedTermAndKeepsEverythingElse(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var filler = Filler(random);
            var planted = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Plant(random)).ToList();
            var text = Insert(random, filler, planted.Select(p => p.Text).ToList());

            var redaction = Redactor.Redact(text, Terms.Author);

            Assert.Equal(filler, redaction.Text.Replace(Redactor.Mark, string.Empty, StringComparison.Ordinal));
            Assert.Equal(planted.Count, redaction.Count);
            Assert.Equal(planted.Select(p => p.Kind).Distinct().Order(), redaction.Kinds);
            Assert.Equal(0, Redactor.Redact(redaction.Text, Terms.Author).Count);
        }
    }

    [Fact]
    public void Redact_KeepsRandomTextWithoutTermsAsItIs()
    {
        var random = new Random(2026);
        for (var round = 0; round < 200; round++)
        {
            Terms.AssertUntouched(Filler(random), Terms.Author);
        }
    }

    [Fact]
    public void Redact_TakesLinearTimeOnHostileText()
    {
        var hostile = new[]
        {
            new string('a', 6000) + "@",
            string.Concat(Enumerable.Repeat("1 ", 3000)),
            string.Concat(Enumerable.Repeat("张 *", 2000)),
            string.Concat(Enumerable.Repeat("xiaomei at ", 600)),
            string.Concat(Enumerable.Repeat("a.", 3000)) + "@b",
        };

        var watch = Stopwatch.StartNew();
        foreach (var text in hostile)
        {
            Redactor.Redact(text, Terms.Author);
        }

        Assert.InRange(watch.ElapsedMilliseconds, 0, 5000);
    }

    private static string Filler(Random random)
    {
        var text = new StringBuilder();
        var tokens = random.Next(50, 400);
        for (var i = 0; i < tokens; i++)
        {
            var pick = random.Next(100);
            text.Append(pick switch
            {
                < 60 => Ideographs[random.Next(Ideographs.Length)].ToString(),
                < 70 => Punctuation[random.Next(Punctuation.Length)].ToString(),
                < 80 => " " + Words[random.Next(Words.Length)] + " ",
                < 87 => LineStarts[random.Next(LineStarts.Length)],
                < 93 => "第" + random.Next(1, 2000) + "页",
                _ => " ",
            });
        }

        return text.ToString();
    }

    /// <summary>Inserts each term at its own place between two ideographs of the filler.</summary>
    private static string Insert(Random random, string filler, List<string> terms)
    {
        var places = Enumerable.Range(1, filler.Length - 1)
            .Where(i => IsIdeograph(filler[i - 1]) && IsIdeograph(filler[i]))
            .OrderBy(_ => random.Next())
            .Take(terms.Count)
            .Order()
            .ToList();
        while (places.Count < terms.Count)
        {
            places.Add(filler.Length);
            filler += "我";
        }

        var text = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            text.Append(filler, copied, places[i] - copied).Append(terms[i]);
            copied = places[i];
        }

        return text.Append(filler, copied, filler.Length - copied).ToString();

        static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';
    }

    private static (string Text, RedactionKind Kind) Plant(Random random) => random.Next(6) switch
    {
        0 => (Join(random, random.Next(3) == 0 ? "小梅" : "张小梅", NameSeparators), RedactionKind.Name),
        1 => (Pinyin(random), RedactionKind.Name),
        2 => (Phone(random), RedactionKind.Phone),
        3 => (Email(random), RedactionKind.Email),
        4 => ($"someone{random.Next(1000)}@school{random.Next(100)}.edu.cn", RedactionKind.Email),
        _ => (Join(random, "青山县", NameSeparators), RedactionKind.Unit),
    };

    private static string Join(Random random, string chars, string[] separators) =>
        string.Join(Pick(random, separators), chars.Select(c => c.ToString()));

    private static string Pinyin(Random random)
    {
        string[] parts = random.Next(2) == 0 ? ["Zhang", "Xiaomei"] : ["Xiaomei", "Zhang"];
        var written = parts.Select(part => random.Next(4) switch
        {
            0 => part.ToUpperInvariant(),
            1 => part.ToLowerInvariant(),
            2 => FullWidth(part),
            _ => part,
        });
        return string.Join(Pick(random, PinyinJoins), written);
    }

    private static string Phone(Random random)
    {
        var digits = random.Next(3) == 0 ? "139" + random.Next(10_000_000, 100_000_000) : "13800138000";
        var groups = random.Next(3) switch
        {
            0 => new[] { digits[..3], digits[3..7], digits[7..] },
            1 => [digits[..3], digits[3..6], digits[6..]],
            _ => [.. digits.Select(c => c.ToString())],
        };
        var written = string.Join(Pick(random, PhoneSeparators), groups);
        if (random.Next(4) == 0)
        {
            written = FullWidth(written);
        }

        if (random.Next(5) == 0)
        {
            written = "(" + written[..3] + ")" + written[3..];
        }

        return Pick(random, PhonePrefixes) + written;
    }

    private static string Email(Random random)
    {
        var local = random.Next(2) == 0 ? "xiaomei" : "XiaoMei";
        var domain = random.Next(2) == 0 ? "example.org" : "EXAMPLE.org";
        return local + Pick(random, Ats) + domain;
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c));

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
