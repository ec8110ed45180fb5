using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Core.Uploads;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Essays;

/// <summary>The essay-specific part of an author's work: create and edit the text, import it from Word.</summary>
public sealed class Essays(
    SiteContext site,
    EntryWorkflow workflow,
    IOptions<AwardsOptions> options)
{
    public static readonly FileKind[] ImportKinds = [FileKind.Docx];

    public Task<Entry?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        workflow.FindAsync(code, TrackKind.Essay, cancellationToken);

    public async Task<Entry> CreateAsync(Track track, AppUser author, EssayForm form, CancellationToken cancellationToken = default)
    {
        var unitId = author.UnitId ?? throw new DomainException("Your account has no unit. Choose it in your profile first.");
        return await workflow.CreateOnceAsync(
            track.Id,
            author.Id,
            unitId,
            form.Title.Trim(),
            Normalize(form.Body),
            form.FormKey,
            entry => entry.DeclareOriginal(form.Original, site.UtcNow),
            cancellationToken);
    }

    /// <summary>Saves the form into the entry; false when the entry changed after the form was opened (nothing is saved).</summary>
    public async Task<bool> EditAsync(Entry entry, EssayForm form, CancellationToken cancellationToken = default)
    {
        var schedule = await workflow.ScheduleAsync(cancellationToken);
        return await workflow.EditAsync(
            entry,
            form.Version,
            () =>
            {
                entry.Edit(form.Title.Trim(), Normalize(form.Body), schedule, site.UtcNow);
                entry.DeclareOriginal(form.Original, site.UtcNow);
            },
            cancellationToken);
    }

    /// <summary>
    /// Converts an uploaded Word file to the canonical Markdown (SECURITY.md §4: the zip is checked
    /// before the SDK opens it) and puts it in a draft, new or existing, for the author to check and
    /// confirm. The original file is kept with the entry for the organizer; judges never see it.
    /// </summary>
    public async Task<(Entry Entry, ConvertedDocument Converted)> ImportAsync(Track track, AppUser author, Entry? existing, IFormFile file, CancellationToken cancellationToken = default)
    {
        var (bytes, form, converted) = await ConvertAsync(existing, file, cancellationToken);
        Entry entry;
        if (existing is null)
        {
            entry = await CreateAsync(track, author, form, cancellationToken);
        }
        else
        {
            entry = existing;
            await EditAsync(entry, form, cancellationToken);
            foreach (var old in entry.Attachments.Where(a => a.Kind == FileKind.Docx).ToList())
            {
                await workflow.DetachAsync(entry, old, cancellationToken);
            }
        }

        await workflow.AttachAsync(entry, file.FileName, FileKind.Docx, bytes, cancellationToken);
        return (entry, converted);
    }

    /// <summary>
    /// The Word file's text as the edit form shows it, saved nowhere: for a submitted essay, whose
    /// text stays what was submitted until the author checks the new one, confirms the declaration
    /// and saves (the file itself is not kept then: what was submitted is the text).
    /// </summary>
    public async Task<(EssayForm Form, ConvertedDocument Converted)> PreviewImportAsync(Entry existing, IFormFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(existing);
        await workflow.EnsureNotBeingJudgedAsync(existing, cancellationToken);
        var (_, form, converted) = await ConvertAsync(existing, file, cancellationToken);
        return (form with { Version = EntryWorkflow.VersionOf(existing) }, converted);
    }

    private async Task<(byte[] Bytes, EssayForm Form, ConvertedDocument Converted)> ConvertAsync(Entry? existing, IFormFile file, CancellationToken cancellationToken)
    {
        var bytes = await workflow.ReadCheckedAsync(file, cancellationToken: cancellationToken);
        var uploads = options.Value.Uploads;
        ConvertedDocument converted;
        using (var content = new MemoryStream(bytes, writable: false))
        {
            FileInspector.Inspect(content, file.FileName, ImportKinds, uploads.FileLimits);
            converted = DocxConverter.Convert(content, uploads.FileLimits);
        }

        var title = converted.Title ?? existing?.Title ?? Path.GetFileNameWithoutExtension(file.FileName.Replace('\\', '/').Split('/')[^1]);
        title = title.Length > 200 ? title[..200] : title;
        return (bytes, new EssayForm { Title = title, Body = converted.Markdown, Original = false }, converted);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
