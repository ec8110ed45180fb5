using System.IO.Compression;
using System.Net;
using System.Text;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 12.1.1–12.1.3, 12.2.1 (SECURITY.md §4): hostile files through both HTTP upload endpoints,
/// a nomination's attachments and an essay's Word import. Each gets a clear message in Chinese
/// and nothing is stored.
/// </summary>
public sealed class UploadTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string TooLargeUnpacked = "该 Word 文档解压后过大";
    private const string Damaged = "文件已损坏，或不是 Word 文档（.docx）";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in new[] { "attachment", "import" })
        {
            data.Add(endpoint, "bomb", TooLargeUnpacked);
            data.Add(endpoint, "entries", TooLargeUnpacked);
            data.Add(endpoint, "truncated", Damaged);
            data.Add(endpoint, "corrupt", Damaged);
            data.Add(endpoint, "docm", "该 Word 文档含有宏");
            // A program renamed to .docx is read as the Word file it claims to be, and is not one.
            data.Add(endpoint, "exe", Damaged);
            data.Add(endpoint, "oversize", "文件超过 10 MB");
        }

        // One part of 9 million characters that barely compresses: past OpenXML's MaxCharactersInPart.
        data.Add("import", "hugepart", TooLargeUnpacked);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileFile_GetsAClearMessage_AndNothingIsStored(string endpoint, string kind, string message)
    {
        var bytes = File(kind);
        var before = Stored();
        string page;
        if (endpoint == "attachment")
        {
            var browser = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
            var code = await CreateDraftAsync(browser, "dedication");
            using var response = await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "材料.docx", bytes);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            page = await browser.GetStringAsync($"/nominations/{code}");
            before = Stored();
        }
        else
        {
            var browser = await Writing.NewAuthorAsync(factory, $"upload.{kind}@example.org");
            before = Stored();
            using var response = await browser.UploadAsync("/essays/new/journey", "/essays/new/journey/import", "征文.docx", bytes);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            page = await browser.GetStringAsync("/essays/new/journey");
        }

        Assert.True(page.Contains(message, StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(page, "alert-danger[^>]*>([^<]*)").Groups[1].Value);
        Assert.Equal(before, Stored());
    }

    /// <summary>Attachments, their contents and entries: what an upload could leave behind.</summary>
    private (int, int, int) Stored() => factory.WithDb(db => (db.Attachments.Count(), db.AttachmentContents.Count(), db.Entries.Count()));

    private static byte[] File(string kind) => kind switch
    {
        "bomb" => Zip(zip => Fill(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize), 200 * 1024 * 1024, _ => 0)),
        "entries" => Zip(zip =>
        {
            for (var i = 0; i < 1001; i++)
            {
                Fill(zip.CreateEntry($"word/media/p{i}.xml"), 1, _ => (byte)'x');
            }
        }),
        "hugepart" => Zip(zip =>
        {
            var random = new Random(17);
            var body = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            using (var writer = new StreamWriter(body, new UTF8Encoding(false)))
            {
                writer.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>""");
                var chunk = new char[4096];
                for (var written = 0; written < 9_000_000; written += chunk.Length)
                {
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        chunk[i] = (char)('a' + random.Next(26));
                    }

                    writer.Write(chunk);
                }

                writer.Write("</w:t></w:r></w:p></w:body></w:document>");
            }
        }),
        "truncated" => SampleFiles.Docx(string.Concat(Enumerable.Repeat("完整的文档", 200)))[..300],
        "corrupt" => "PK\u0003\u0004 this is not really a zip archive"u8.ToArray(),
        "docm" => SampleFiles.Docx(macros: true),
        "exe" => SampleFiles.Executable(),
        _ => Oversize(),
    };

    private static byte[] Oversize()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        SampleFiles.Docx().CopyTo(big, 0);
        return big;
    }

    /// <summary>A package with the content types a .docx has, plus what <paramref name="add"/> puts in.</summary>
    private static byte[] Zip(Action<ZipArchive> add)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            }

            using (var rels = new StreamWriter(zip.CreateEntry("_rels/.rels").Open()))
            {
                rels.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            }

            add(zip);
        }

        return buffer.ToArray();
    }

    private static void Fill(ZipArchiveEntry entry, int length, Func<int, byte> value)
    {
        using var stream = entry.Open();
        var block = new byte[Math.Min(length, 1024 * 1024)];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = value(i);
        }

        for (var written = 0; written < length; written += block.Length)
        {
            stream.Write(block, 0, Math.Min(block.Length, length - written));
        }
    }
}
