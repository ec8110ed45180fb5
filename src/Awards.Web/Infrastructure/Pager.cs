namespace Awards.Web.Infrastructure;

/// <summary>
/// The page links under a long list (<c>Features/Shared/Views/_Pager.cshtml</c>): previous and
/// next, the first and last pages and two either side of the current one, so that a list of 400
/// pages does not print 400 links.
/// </summary>
public sealed record Pager(int Number, int Count, Func<int, string> Href, string TestId = "pages")
{
    /// <summary>The page numbers to link, in order; 0 stands for a gap ("…").</summary>
    public IEnumerable<int> Links()
    {
        var last = 0;
        for (var n = 1; n <= Count; n++)
        {
            if (n == 1 || n == Count || Math.Abs(n - Number) <= 2)
            {
                if (n - last > 1)
                {
                    yield return 0;
                }

                yield return n;
                last = n;
            }
        }
    }

    /// <summary>How many pages <paramref name="total"/> rows fill, at least one.</summary>
    public static int PageCount(int total, int size) => Math.Max(1, (total + size - 1) / size);
}
