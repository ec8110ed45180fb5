using System.IO.Compression;
using System.Net;
using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Writing;

namespace Awards.Web.Tests.Features.Essays;

/// <summary>Importing an essay from Word: converted, shown for confirmation, the original kept for the organizer; bad files refused.</summary>
public sealed class EssayImportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnUploadedDocx_BecomesADraftWithTheConvertedText_ThatTheAuthorConfirmsAndSubmits()
    {
        var browser = await NewAuthorAsync(factory, "importer.one@example.org");
        var body = string.Concat(Enumerable.Repeat("我和乡亲们一起种下第一片茶园，看着山坡一点点变绿。", 50));

        using var uploaded = await browser.UploadAsync("/essays/new/help-story", "/essays/new/help-story/import", "我的帮扶故事.docx", SampleFiles.Docx(body));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var location = uploaded.Headers.Location!.OriginalString;
        Assert.EndsWith("/edit?imported=true", location, StringComparison.Ordinal);
        var code = location.Split('/')[2];
        var form = await browser.GetStringAsync(location);
        Assert.Contains("这是从您的 Word 文件中提取的文字", form, StringComparison.Ordinal);
        Assert.Contains("我和乡亲们一起种下第一片茶园", form, StringComparison.Ordinal);
        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal((EntryStatus.Draft, (DateTime?)null), (entry.Status, entry.DeclaredOriginalAt));
        Assert.Equal(["我的帮扶故事.docx"], factory.WithDb(db => db.Attachments.Where(a => a.Entry.Code == code).Select(a => a.FileName).ToList()));

        using var confirmed = await browser.SubmitAsync(location, $"/essays/{code}/edit", Essay(title: "茶园", body: factory.WithDb(db => db.Entries.Single(e => e.Code == code).Body)));
        using var submitted = await SubmitAsync(browser, code);
        Assert.Equal($"/essays/{code}/receipt", submitted.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("macros", "该 Word 文档含有宏")]
    [InlineData("doc", "不接受旧版 .doc 文件和加密文档")]
    [InlineData("pdf", "此处不接受这种文件。可接受：.docx。")]
    [InlineData("bomb", "该 Word 文档解压后过大")]
    [InlineData("png", "此处不接受这种文件。可接受：.docx。")]
    public async Task ABadFile_GetsAClearMessage_AndCreatesNothing(string kind, string message)
    {
        var email = $"importer.{kind}@example.org";
        var browser = await NewAuthorAsync(factory, email);
        var bytes = kind switch
        {
            "macros" => SampleFiles.Docx(macros: true),
            "doc" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "pdf" => SampleFiles.Pdf(),
            "bomb" => Bomb(),
            _ => SampleFiles.Png(),
        };

        using var response = await browser.UploadAsync("/essays/new/journey", "/essays/new/journey/import", "essay.docx", bytes);

        Assert.Equal("/essays/new/journey", response.Headers.Location?.OriginalString);
        Assert.Contains(message, await browser.GetStringAsync("/essays/new/journey"), StringComparison.Ordinal);
        var owner = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.False(factory.WithDb(db => db.Entries.Any(e => e.OwnerUserId == owner)));
        Assert.Equal(0, factory.WithDb(db => db.AttachmentContents.Count(c => c.Attachment.Entry.OwnerUserId == owner)));
    }

    /// <summary>A valid-looking .docx whose document part inflates to 200 MB of zeros (a few hundred KB on the wire).</summary>
    private static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                document.Write(zeros);
            }
        }

        return buffer.ToArray();
    }
}
