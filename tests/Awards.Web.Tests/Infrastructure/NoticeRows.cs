using AngleSharp.Html.Parser;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>The rows of one award's winners on the public notice, each as "prize | code | title | author | unit".</summary>
public static class NoticeRows
{
    public static List<string> Of(string noticeHtml, string trackCode) =>
        [.. new HtmlParser().ParseDocument(noticeHtml)
            .QuerySelectorAll($"[data-testid=notice-{trackCode}] [data-testid=winners] tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];
}
