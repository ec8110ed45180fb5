using System.Text;
using Awards.Core.Common;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Audit;

/// <summary>
/// The filtered log as CSV (RFC 4180) in UTF-8 with a byte order mark, so that Excel opens the
/// Chinese text as Chinese. Times are China Standard Time as the site shows them. A cell that a
/// spreadsheet would read as a formula (=, +, -, @, tab, return) gets a leading apostrophe: the
/// before and after texts are typed by users.
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditRow> rows, IStringLocalizer l, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line([l["Time (UTC+8)"], l["E-mail"], l["Name"], l["Action"], l["Action as stored"], l["Entity type"], l["Entity key"], l["Before"], l["After"]]));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(
            [
                SiteTime.ToLocal(row.At).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                row.UserEmail ?? l["system"],
                row.UserName ?? string.Empty,
                l[AuditLabels.Action(row.Action)],
                row.Action,
                l[AuditLabels.Entity(row.EntityType)],
                row.EntityKey,
                row.Before ?? string.Empty,
                row.After ?? string.Empty,
            ]));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(CsvField.Text));
}
