namespace Awards.Web.Tests.Security;

/// <summary>What people have used to run script through a site's text (OWASP XSS filter evasion, Markdig's known gaps).</summary>
public static class XssPayloads
{
    /// <summary>For plain-text fields: names, titles, reasons, objections. Each at most 40 characters.</summary>
    public static readonly string[] Text =
    [
        "<script>alert('t1')</script>",
        "\"><img src=x onerror=alert('t2')>",
        "<svg onload=alert('t3')>",
        "javascript:alert('t4')",
        "&lt;script&gt;alert('t5')&lt;/script&gt;",
        "'';!--\"<XSS>=&{()}",
        "<a href=\"data:text/html,x\">t7</a>",
    ];

    /// <summary>For Markdown fields: essays, deeds, opinions. Links, autolinks, references, images, attributes, raw HTML.</summary>
    public static readonly string[] Markdown =
    [
        "[m1](javascript:alert('m1'))",
        "[m2](JaVaScRiPt:alert('m2'))",
        "[m3](&#106;avascript:alert('m3'))",
        "[m4](java&#x09;script:alert('m4'))",
        "[m5](<javascript:alert('m5')>)",
        "<javascript:alert('m6')>",
        "[m7]\n\n[m7]: javascript:alert('m7')",
        "![m8](javascript:alert('m8'))",
        "![m9](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[m10](data:text/html,<script>alert('m10')</script>)",
        "[m11](vbscript:msgbox('m11'))",
        "# m12 {onclick=alert('m12')}",
        "m13{#x .y onclick=alert('m13')}",
        "<img src=x onerror=alert('m14')>",
        "<svg><script>alert('m15')</script></svg>",
        "<iframe src=\"javascript:alert('m16')\"></iframe>",
        "<details open ontoggle=alert('m17')>",
        "<a href=\"javascript:alert('m18')\">m18</a>",
        "[m19](  javascript:alert('m19'))",
        "<style>body{background:url(javascript:alert('m20'))}</style>",
    ];

    public static string MarkdownBlock => string.Join("\n\n", Markdown.Concat(Text));
}
