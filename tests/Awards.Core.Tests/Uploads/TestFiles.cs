using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Awards.Core.Uploads;

namespace Awards.Core.Tests.Uploads;

/// <summary>Builds upload contents in code: zips, Word packages and file headers.</summary>
internal static class TestFiles
{
    public const string PackageRelationships =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    public const string MainDocument =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>脱贫攻坚，我们在路上。</w:t></w:r></w:p></w:body></w:document>
        """;

    public const string MacroEnabledDocumentType = "application/vnd.ms-word.document.macroEnabled.main+xml";
    public const string MacroEnabledTemplateType = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
    public const string TemplateType = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

    public static byte[] Pdf => [.. "%PDF-1.7\n1 0 obj\n"u8];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] OleCompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00];

    public static byte[] RandomBytes
    {
        get
        {
            var bytes = new byte[4096];
            new Random(20_26).NextBytes(bytes);
            return bytes;
        }
    }

    public static string ContentTypes(string mainDocumentType = DocxPackage.MainDocumentContentType) =>
        $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{mainDocumentType}"/></Types>
        """;

    /// <summary>The smallest package Word opens: content types, package relationships, one paragraph.</summary>
    public static byte[] Docx(string mainDocumentType = DocxPackage.MainDocumentContentType) =>
        Docx(_ => { }, mainDocumentType);

    /// <summary>A minimal Word package with more entries added by <paramref name="addMore"/>.</summary>
    public static byte[] Docx(Action<ZipArchive> addMore, string mainDocumentType = DocxPackage.MainDocumentContentType) =>
        Zip(zip =>
        {
            AddText(zip, "[Content_Types].xml", ContentTypes(mainDocumentType));
            AddText(zip, "_rels/.rels", PackageRelationships);
            AddText(zip, "word/document.xml", MainDocument);
            addMore(zip);
        });

    public static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return buffer.ToArray();
    }

    public static void AddText(ZipArchive zip, string name, string text) =>
        AddBytes(zip, name, Encoding.UTF8.GetBytes(text));

    public static void AddBytes(ZipArchive zip, string name, byte[] bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(bytes);
    }

    /// <summary>An entry of <paramref name="count"/> zero bytes: a few KB compressed, a bomb inflated.</summary>
    public static void AddZeros(ZipArchive zip, string name, int count) =>
        AddBytes(zip, name, new byte[count]);

    /// <summary>
    /// Rewrites the uncompressed size that <paramref name="zip"/> declares for the entry
    /// <paramref name="name"/>, in both its local header and the central directory.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] zip, string name, uint declaredSize)
    {
        var patched = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var found = 0;
        for (var i = 0; i + 46 + nameBytes.Length <= patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            if (signature == 0x04034B50 && patched.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 22), declaredSize);
                found++;
            }
            else if (signature == 0x02014B50 && patched.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 24), declaredSize);
                found++;
            }
        }

        Assert.Equal(2, found);
        return patched;
    }

    public static MemoryStream Stream(byte[] bytes) => new(bytes, writable: false);
}
