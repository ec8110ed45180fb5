using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure.Mail;

/// <summary>Reads the pickup folder back as a mailbox (demo mode only).</summary>
public sealed class Mailbox(IOptions<MailOptions> options)
{
    private readonly string _folder = AppPaths.Resolve(options.Value.PickupDirectory);

    public IReadOnlyList<StoredMail> List(int max = 200)
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(_folder, "*.eml")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Take(max)
            .Select(path => EmlFormat.Read(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();
    }

    /// <summary>Finds one message by its file name; the id is checked so it cannot leave the folder.</summary>
    public StoredMail? Find(string id)
    {
        if (string.IsNullOrEmpty(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return null;
        }

        var path = Path.Combine(_folder, id + ".eml");
        return File.Exists(path) ? EmlFormat.Read(id, File.ReadAllText(path)) : null;
    }
}
