using System.IO.Compression;
using System.IO.Packaging;
using System.Xml;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// A write-once OPC package that zips each part straight into the output as it is written, so a
/// document of any size costs no more memory than one part's compression buffer.
/// </summary>
/// <remarks>
/// System.IO.Packaging opens a writable package in ZipArchiveMode.Update, which keeps every part
/// uncompressed in memory until the package is closed, and the OpenXML SDK 2.x refuses a package
/// opened write-only (ZipArchiveMode.Create). This package reports read/write access to satisfy
/// the SDK but writes like ZipArchiveMode.Create: each part is written once, one part at a time, and
/// nothing can be read back. [Content_Types].xml is written last, when the package is disposed.
/// </remarks>
internal sealed class StreamingPackage : Package
{
    private const string ContentTypesEntry = "[Content_Types].xml";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";

    private readonly ZipArchive _archive;
    private readonly List<StreamingPart> _parts = [];
    private PartStream? _open;
    private bool _closed;

    public StreamingPackage(Stream output)
        : base(FileAccess.ReadWrite)
    {
        ArgumentNullException.ThrowIfNull(output);
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }

    protected override PackagePart CreatePartCore(Uri partUri, string contentType, CompressionOption compressionOption)
    {
        var part = new StreamingPart(this, partUri, contentType, compressionOption);
        _parts.Add(part);
        return part;
    }

    protected override void DeletePartCore(Uri partUri)
    {
        var part = _parts.Find(p => p.Name == partUri);
        if (part is null)
        {
            return;
        }

        if (part.Written)
        {
            throw new InvalidOperationException($"The part {partUri} is already in the package and cannot be deleted.");
        }

        _parts.Remove(part);
    }

    // Nothing can be flushed early: a part is complete only when its stream is closed.
    protected override void FlushCore()
    {
    }

    // Parts are created, never found: the package starts empty and cannot be read.
    protected override PackagePart? GetPartCore(Uri partUri) => null;

    protected override PackagePart[] GetPartsCore() => [.. _parts];

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            try
            {
                _open?.Dispose();
                foreach (var part in _parts.Where(p => !p.Written))
                {
                    // A part nobody wrote is still in the package, empty, as ZipPackage leaves it.
                    Open(part).Dispose();
                }

                WriteContentTypes();
            }
            finally
            {
                _archive.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private static string EntryName(Uri partUri) => partUri.OriginalString.TrimStart('/');

    private PartStream Open(StreamingPart part)
    {
        if (part.Written)
        {
            throw new InvalidOperationException($"The part {part.Name} has already been written; a streamed package writes each part once.");
        }

        if (_open is { IsOpen: true })
        {
            throw new InvalidOperationException($"The part {_open.PartUri} is still being written; a streamed package writes one part at a time.");
        }

        part.Written = true;
        var level = part.Compression == CompressionOption.NotCompressed ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
        var entry = _archive.CreateEntry(EntryName(part.Name), level);
        _open = new PartStream(part.Name, entry.Open());
        return _open;
    }

    private void WriteContentTypes()
    {
        var entry = _archive.CreateEntry(ContentTypesEntry, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        writer.WriteStartDocument(true);
        writer.WriteStartElement("Types", ContentTypesNamespace);
        writer.WriteStartElement("Default", ContentTypesNamespace);
        writer.WriteAttributeString("Extension", "rels");
        writer.WriteAttributeString("ContentType", RelationshipsContentType);
        writer.WriteEndElement();
        writer.WriteStartElement("Default", ContentTypesNamespace);
        writer.WriteAttributeString("Extension", "xml");
        writer.WriteAttributeString("ContentType", "application/xml");
        writer.WriteEndElement();
        foreach (var part in _parts.Where(p => p.Type != RelationshipsContentType))
        {
            writer.WriteStartElement("Override", ContentTypesNamespace);
            writer.WriteAttributeString("PartName", part.Name.OriginalString);
            writer.WriteAttributeString("ContentType", part.Type);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private sealed class StreamingPart(StreamingPackage package, Uri partUri, string contentType, CompressionOption compressionOption)
        : PackagePart(package, partUri, contentType, compressionOption)
    {
        // Kept here as well: the base class refuses to tell them once the package is closing.
        public Uri Name { get; } = partUri;

        public string Type { get; } = contentType;

        public CompressionOption Compression { get; } = compressionOption;

        public bool Written { get; set; }

        protected override Stream GetStreamCore(FileMode mode, FileAccess access)
        {
            if (mode is FileMode.Open || access == FileAccess.Read)
            {
                throw new NotSupportedException($"The part {Uri} cannot be read: a streamed package is write-only.");
            }

            return package.Open(this);
        }
    }

    /// <summary>The write-only stream of one zip entry; truncating it before anything is written is allowed (the packaging layer does).</summary>
    private sealed class PartStream(Uri partUri, Stream entry) : Stream
    {
        private long _written;

        public Uri PartUri { get; } = partUri;

        public bool IsOpen { get; private set; } = true;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => IsOpen;

        public override long Length => _written;

        public override long Position
        {
            get => _written;
            set
            {
                if (value != _written)
                {
                    throw new NotSupportedException("A streamed part cannot seek.");
                }
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A streamed part cannot be read.");

        public override long Seek(long offset, SeekOrigin origin) =>
            (origin, offset) is (SeekOrigin.Current, 0) or (SeekOrigin.End, 0) ? _written : throw new NotSupportedException("A streamed part cannot seek.");

        public override void SetLength(long value)
        {
            if (value != _written)
            {
                throw new NotSupportedException("A streamed part cannot be truncated once written.");
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            ObjectDisposedException.ThrowIf(!IsOpen, this);
            entry.Write(buffer, offset, count);
            _written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(!IsOpen, this);
            entry.Write(buffer);
            _written += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && IsOpen)
            {
                IsOpen = false;
                entry.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
