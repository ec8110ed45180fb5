using Awards.Core.Common;

namespace Awards.Web.Data;

/// <summary>
/// A certificate of an earlier edition, as its check page showed it: each edition runs on its
/// own database, and <c>next-edition</c> carries the earlier editions' certificates over
/// (certificates.json, loaded by <c>seed</c>), so that a certificate's code still checks out on
/// the site that now runs the next edition.
/// </summary>
public class ArchivedCertificate
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    /// <summary>A person's name (the same in both languages), or a unit's for the Outstanding Organization Award.</summary>
    public BilingualText Winner { get; set; } = BilingualText.Empty;

    public BilingualText Unit { get; set; } = BilingualText.Empty;

    public BilingualText Award { get; set; } = BilingualText.Empty;

    public BilingualText Level { get; set; } = BilingualText.Empty;

    public BilingualText Contest { get; set; } = BilingualText.Empty;

    public DateTime FinalizedAt { get; set; }
}
