using Awards.Web.Features.Exports;

namespace Awards.Web.Features.Leader;

/// <summary>
/// The documents a member of the leading group downloads (ADR 0018): what the office would lay on
/// the group's table. Made at once, like a judge's packet, and kept nowhere: reading them changes
/// nothing, so no export job is started in the leader's name.
/// </summary>
public sealed class LeaderDocuments(ExportData data, ExportRunner runner)
{
    /// <summary>
    /// The draft list of every award as ranked now, the prize list and the participation statistics
    /// of what is published. Not the winners' contacts (personal data), nor the certificates, books,
    /// notice or judge packets, which are the office's to produce.
    /// </summary>
    public static readonly IReadOnlyList<string> Kinds = [ExportKinds.DraftList, ExportKinds.PrizeList, ExportKinds.Statistics];

    /// <summary>The prize list and the statistics include results still on public notice: the group decides before they are final.</summary>
    public const bool Proposed = true;

    public async Task<(byte[] Content, string Name)?> WriteAsync(string kind, CancellationToken cancellationToken)
    {
        if (!await data.HasResultsAsync(kind, Proposed, cancellationToken))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var name = await runner.WriteAsync(kind, Proposed, buffer, progress: null, cancellationToken);
        return (buffer.ToArray(), name);
    }
}
