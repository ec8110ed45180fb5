using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Awards.Core.Exports.Anthology;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit.Abstractions;
using static Awards.Core.Tests.Exports.Anthology.AnthologyFixture;

namespace Awards.Core.Tests.Exports.Anthology;

/// <summary>Tests that measure the process's memory run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement";
}

/// <summary>
/// A whole contest's anthology is written as it is produced: memory stays bounded however many
/// essays there are.
/// </summary>
[Collection(MemoryMeasurement.Name)]
public class AnthologyScaleTests(ITestOutputHelper output)
{
    private const long MemoryBudget = 200L * 1024 * 1024;

    // 4 themes × 5 levels × 100 essays of about 3,000 characters.
    private const int Themes = 4;
    private const int Levels = 5;
    private const int PerLevel = 100;
    private const int EssayCount = Themes * Levels * PerLevel;

    [Fact]
    public void Write_TwoThousandEssays_StaysWithinTheMemoryBudget()
    {
        // The essays are made as the writer reads them, so the input itself costs nothing up front.
        var themes = AnthologyFixture.Themes(Themes, Levels, PerLevel);
        var folder = Directory.CreateTempSubdirectory("awards-anthology-");
        try
        {
            var path = Path.Combine(folder.FullName, "anthology.docx");
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            long peak;
            int samples;
            using (var file = new MemorySamplingStream(File.Create(path), sampleEveryBytes: 1024 * 1024))
            {
                AnthologyDocument.Write(file, Contest(), Preface, themes);
                peak = file.PeakLiveBytes;
                samples = file.Samples;
            }

            watch.Stop();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var size = new FileInfo(path).Length;
            long documentXml;
            using (var archive = ZipFile.OpenRead(path))
            {
                documentXml = archive.GetEntry("word/document.xml")!.Length;
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{EssayCount} essays in {watch.Elapsed.TotalSeconds:0.0} s; file {size / 1048576.0:0.0} MB, word/document.xml {documentXml / 1048576.0:0.0} MB uncompressed; "
                + $"live memory after − before {(after - before) / 1048576.0:0.0} MB, peak of {samples} samples while writing − before {(peak - before) / 1048576.0:0.0} MB"));

            // The output is written as the document is produced, so the samples span the whole writing.
            Assert.True(samples >= 5, $"only {samples} samples");

            Assert.True(after - before < MemoryBudget, $"after − before = {after - before} bytes");
            Assert.True(peak - before < MemoryBudget, $"peak − before = {peak - before} bytes");

            // Counted by streaming: loading a document this size into the DOM is what the writer avoids.
            var counting = Stopwatch.StartNew();
            var counted = CountHeadings(path);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Headings counted with OpenXmlReader in {counting.Elapsed.TotalSeconds:0.0} s"));
            Assert.Equal(Themes, counted.GetValueOrDefault("Heading1"));
            Assert.Equal(Themes * Levels, counted.GetValueOrDefault("Heading2"));
            Assert.Equal(EssayCount, counted.GetValueOrDefault("Heading3"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, int> CountHeadings(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var document = WordprocessingDocument.Open(path, false);
        using var reader = OpenXmlReader.Create(document.MainDocumentPart!);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(ParagraphStyleId) || !reader.IsStartElement)
            {
                continue;
            }

            var style = reader.Attributes.FirstOrDefault(a => a.LocalName == "val").Value;
            if (style is not null && style.StartsWith("Heading", StringComparison.Ordinal))
            {
                counts[style] = counts.GetValueOrDefault(style) + 1;
            }
        }

        return counts;
    }

    /// <summary>
    /// Passes writes through and, every few megabytes written, measures the live heap after a full
    /// collection: the high-water mark of what the writer keeps while it writes.
    /// </summary>
    private sealed class MemorySamplingStream(Stream inner, long sampleEveryBytes) : Stream
    {
        private long _written;
        private long _nextSample;

        public long PeakLiveBytes { get; private set; }

        public int Samples { get; private set; }

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _written += count;
            if (_written >= _nextSample)
            {
                _nextSample = _written + sampleEveryBytes;
                PeakLiveBytes = Math.Max(PeakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
                Samples++;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                PeakLiveBytes = Math.Max(PeakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
