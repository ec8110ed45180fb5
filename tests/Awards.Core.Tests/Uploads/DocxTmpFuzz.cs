using System.IO.Compression;
using System.Text;
using Awards.Core.Common;

namespace Awards.Core.Tests.Uploads;

public class DocxTmpFuzz
{
    [Fact]
    public void Fuzz()
    {
        var method = typeof(DocxAnonymityTests).GetMethod("DocumentWithTheAuthorHiddenEverywhere", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var docx = (byte[])method.Invoke(null, null)!;
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            foreach (var e in zip.Entries) { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); entries.Add((e.FullName, m.ToArray())); }
        }
        var random = new Random(7);
        var report = new StringBuilder();
        var ok = 0; var refused = new Dictionary<string, int>();
        for (var n = 0; n < 6000; n++)
        {
            var target = random.Next(3) == 0 ? random.Next(entries.Count) : entries.FindIndex(e => e.Name == (random.Next(3) switch { 0 => "word/document.xml", 1 => "word/styles.xml", _ => "word/numbering.xml" }));
            var mode = random.Next(4);
            var mutated = TestFiles.Zip(zip =>
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    var (name, bytes) = entries[i];
                    if (i == target)
                    {
                        if (mode == 3) continue; // drop the entry
                        bytes = (byte[])bytes.Clone();
                        if (bytes.Length == 0) continue;
                        var count = 1 + random.Next(4);
                        for (var k = 0; k < count; k++)
                        {
                            var at = random.Next(bytes.Length);
                            bytes[at] = mode switch { 0 => (byte)random.Next(256), 1 => (byte)"<>\"'/=: &#"[random.Next(10)], _ => (byte)' ' };
                        }
                    }
                    TestFiles.AddBytes(zip, name, bytes);
                }
            });
            try { DocxFixture.Convert(mutated); ok++; }
            catch (DomainException e) { refused[e.MessageKey] = refused.GetValueOrDefault(e.MessageKey) + 1; }
            catch (Exception e) { report.AppendLine(entries[target].Name + " mode " + mode + ": " + e.GetType() + ": " + e.Message.Split('\n')[0]); }
        }
        File.WriteAllText("/tmp/scratch/fuzz.txt", $"ok {ok} refused {string.Join(", ", refused)}\n" + report);
    }
}
