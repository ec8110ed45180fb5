using System.Text;
using Awards.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Uploads.DocxFixture;

namespace Awards.Core.Tests.Uploads;

public class DocxTmpFuzz2
{
    private static readonly string Alphabet = "中文字“”。，！？ ab  c1.-#()《》、：；3)—…";

    [Fact]
    public void Fuzz()
    {
        var random = new Random(11);
        var report = new StringBuilder();
        var outputs = new List<string>();
        for (var n = 0; n < 1500; n++)
        {
            var body = new List<OpenXmlElement>();
            for (var p = 0; p < 1 + random.Next(6); p++)
            {
                body.Add(random.Next(8) == 0 ? RandomTable(random) : RandomParagraph(random));
            }

            try
            {
                var result = Convert(Create([.. body]));
                var md = result.Markdown;
                if (md.Contains('\r') || md.Contains("\n\n\n") || md != md.Trim() || md.Split('\n').Any(l => l != l.TrimEnd()))
                {
                    report.AppendLine("INVARIANT: " + md.Replace("\n", "⏎"));
                }

                outputs.Add(md);
            }
            catch (Exception e)
            {
                report.AppendLine(e.GetType() + ": " + e.Message);
            }
        }

        File.WriteAllText("/tmp/scratch/fuzz2.txt", report.ToString());
        File.WriteAllText("/tmp/scratch/fuzz2-outputs.txt", string.Join("\n\u0001\n", outputs));
    }

    private static Table RandomTable(Random random) =>
        new(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new TableRow(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new TableCell(RandomParagraph(random))))));

    private static Paragraph RandomParagraph(Random random)
    {
        var paragraph = new Paragraph();
        var kind = random.Next(6);
        if (kind == 1)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = random.Next(2) == 0 ? Heading2 : TitleStyle }));
        }
        else if (kind == 2)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = random.Next(4) }, new NumberingId { Val = 1 + random.Next(2) })));
        }

        for (var r = 0; r < 1 + random.Next(8); r++)
        {
            var text = new string(Enumerable.Range(0, random.Next(5)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var properties = new RunProperties();
            if (random.Next(2) == 0) properties.Append(new Bold());
            if (random.Next(2) == 0) properties.Append(new Italic());
            OpenXmlElement run = new Run(properties, Text(text));
            switch (random.Next(12))
            {
                case 0: run = new InsertedRun(run) { Id = "1", Author = "x" }; break;
                case 1: run = new Run(new Break()); break;
                case 2: run = new Run(new FieldChar { FieldCharType = random.Next(3) switch { 0 => FieldCharValues.Begin, 1 => FieldCharValues.Separate, _ => FieldCharValues.End } }); break;
                case 3: run = new Hyperlink(run); break;
                default: break;
            }

            paragraph.Append(run);
        }

        return paragraph;
    }
}
