using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Awards.Web.Features.NextEdition;

/// <summary>
/// Next year's seed files as one .zip for the organizer's download: the files <c>next-edition</c>
/// writes, byte for byte, and <see cref="ReadmeFile"/> with the commands that start the new edition.
/// </summary>
public static class NextEditionZip
{
    /// <summary>An ASCII name, which every unzip tool keeps as it is; the text inside is in Chinese and English.</summary>
    public const string ReadmeFile = "README.txt";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Write(NextEditionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in package.Files.Append(new SeedFile(ReadmeFile, Readme(package))))
            {
                using var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal).Open();
                entry.Write(Utf8.GetBytes(file.Content));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>What to do with the files, for whoever runs the server: the same steps as README's "Next year's contest".</summary>
    public static string Readme(NextEditionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var year = package.Year.ToString(CultureInfo.InvariantCulture);
        var folder = $"data/seed-{year}";
        var database = $"data/awards-{year}.db";
        var seed = $"dotnet run --project src/Awards.Web -- seed --Awards:Mode=Production --Awards:SeedPath={folder} --Awards:DatabasePath={database}";
        var organizer = $"dotnet run --project src/Awards.Web -- create-organizer --email chief@example.org --name 陈主任 --Awards:Mode=Production --Awards:DatabasePath={database}";
        var run = $"dotnet run --project src/Awards.Web -- --Awards:Mode=Production --Awards:DatabasePath={database}";
        var invited = package.InvitationsByRole.Values.Sum();
        return string.Create(CultureInfo.InvariantCulture, $"""
            {year}届评选初始化文件（由 {package.FromYear} 届的设置生成）
            ================================================

            本压缩包含：contest.json（{package.Name.Zh}，{package.Tracks.Count} 个奖项和征文主题，所有日期顺延至 {year} 年）、
            rubrics.json、units.json（{package.Units} 个单位）、rules.zh-CN.md、rules.en.md、
            invitations.txt（{invited} 人，下一届在“批量邀请”页粘贴）、certificates.json（{package.Certificates} 份证书，新一届网站上仍可查验）。
            不含账号、作品、评分和结果。本届数据库保持不变，请备份保存。

            运维人员在服务器上执行：
            1. 解压到一个新文件夹：{folder}
            2. 核对 contest.json 中的名称和日期，以及两个规则文件。
            3. 用这些文件初始化一个新数据库：
               {seed}
            4. 创建新一届的组织方账号（不加 --password-stdin 时会打印并发送邀请链接）：
               {organizer}
            5. 用新数据库运行网站：
               {run}
               组织方登录后，将 invitations.txt（按需修改）粘贴到 /organizer/users/invite-many。

            Seed files of the {year} edition (made from the settings of the {package.FromYear} edition)
            ================================================

            This archive holds: contest.json ({package.Name.En}, {package.Tracks.Count} awards and themes, every date moved on to {year}),
            rubrics.json, units.json ({package.Units} units), rules.zh-CN.md, rules.en.md,
            invitations.txt ({invited} people, to paste at "invite several" next year) and certificates.json ({package.Certificates} certificates, which still check out on the new site).
            No accounts, entries, scores or results. This edition's database stays as it is: back it up.

            Whoever runs the server:
            1. Unzip into a new folder: {folder}
            2. Check the name and the dates in contest.json, and the two rules files.
            3. Seed a new database from the files:
               {seed}
            4. Create the new edition's organizer (without --password-stdin it prints and mails an invitation link):
               {organizer}
            5. Run the site on the new database:
               {run}
               The organizer signs in and pastes invitations.txt (edited as needed) at /organizer/users/invite-many.

            """);
    }
}
