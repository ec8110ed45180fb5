namespace Awards.Web.Features.Exports;

/// <summary>The exports, by the names the CLI and the export page use.</summary>
public static class ExportKinds
{
    public const string PrizeList = "prize-list";

    public const string Notice = "notice";

    public const string Certificates = "certificates";

    public const string Anthology = "anthology";

    /// <summary>The deeds of the winning nominees of the nominated awards, laid out as the anthology.</summary>
    public const string Deeds = "deeds";

    public const string JudgePacket = "judge-packet";

    public const string Statistics = "statistics";

    /// <summary>The proposed prizes of every award as ranked now, for the leading group before anything is public.</summary>
    public const string DraftList = "draft-list";

    /// <summary>How to reach each winner (phone, e-mail), for handing out prizes: kept apart from the prize list, which travels.</summary>
    public const string Contacts = "contacts";

    /// <summary>The bonus payment sheet: each winner's bonus, with subtotals and a blank column to sign; never published.</summary>
    public const string Bonuses = "bonuses";

    /// <summary>The kinds an organizer starts for the whole contest (a judge packet is per judge and round).</summary>
    public static readonly IReadOnlyList<string> ContestWide = [PrizeList, Notice, Certificates, Anthology, Deeds, Statistics, DraftList, Contacts, Bonuses];

    /// <summary>Whether the kind reads the draft rankings, whatever is published: "include results on notice" means nothing to it.</summary>
    public static bool IsDraft(string kind) => kind == DraftList;

    public static bool IsKnown(string kind) => ContestWide.Contains(kind) || kind == JudgePacket;

    public static string Extension(string kind) => kind is PrizeList or Statistics or DraftList or Contacts or Bonuses ? ".xlsx" : ".docx";

    public static string ContentType(string kind) => kind is PrizeList or Statistics or DraftList or Contacts or Bonuses
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The Chinese name used in file names, e.g. 获奖名单.</summary>
    public static string FileLabel(string kind) => kind switch
    {
        PrizeList => "获奖名单",
        Notice => "表彰通报",
        Certificates => "荣誉证书",
        Anthology => "获奖征文选编",
        Deeds => "获奖先进事迹选编",
        JudgePacket => "评审材料",
        Statistics => "参与情况统计",
        DraftList => "拟表彰名单（讨论稿）",
        Contacts => "获奖者联系表",
        Bonuses => "奖金发放表",
        _ => kind,
    };

    /// <summary>The English key of the kind's name on the export page (translated there).</summary>
    public static string Title(string kind) => kind switch
    {
        PrizeList => "Prize list (.xlsx)",
        Notice => "Commendation notice (.docx)",
        Certificates => "Certificates (.docx)",
        Anthology => "Anthology of winning essays (.docx)",
        Deeds => "Deeds of the winning nominees (.docx)",
        JudgePacket => "Judge packet (.docx)",
        Statistics => "Participation statistics (.xlsx)",
        DraftList => "Draft list for the leading group (.xlsx)",
        Contacts => "Winners' contacts (.xlsx)",
        Bonuses => "Bonus payment sheet (.xlsx)",
        _ => kind,
    };
}
