using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>Before any result is final, an export that would name nobody is refused, and nothing is made.</summary>
public sealed class ExportsWithoutResultsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnExportOfFinalResults_IsRefused_WhileNothingIsFinal_AndNoJobIsMade()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        foreach (var kind in new[] { "prize-list", "notice", "certificates", "anthology", "deeds" })
        {
            foreach (var proposed in new[] { false, true })
            {
                var fields = new Dictionary<string, string> { ["kind"] = kind };
                if (proposed)
                {
                    fields["proposed"] = "true";
                }

                (await organizer.SubmitAsync("/organizer/exports", "/organizer/exports", fields)).Dispose();
                var page = WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/exports"));
                Assert.Contains(proposed ? "尚未发布任何结果，没有可导出的内容。" : "尚无已确定的结果，没有可导出的内容。如需导出拟获奖结果，请勾选“包括仍在公示中的结果”。", page, StringComparison.Ordinal);
            }
        }

        // In English too.
        (await organizer.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" })).Dispose();
        (await organizer.SubmitAsync("/organizer/exports", "/organizer/exports", new Dictionary<string, string> { ["kind"] = "notice" })).Dispose();
        Assert.Contains("No results are final yet, so there is nothing to export.", WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/exports")), StringComparison.Ordinal);

        Assert.Equal(0, factory.WithDb(db => db.ExportJobs.Count()));

        // The statistics count every unit's essays, results or not.
        (await organizer.SubmitAsync("/organizer/exports", "/organizer/exports", new Dictionary<string, string> { ["kind"] = "statistics" })).Dispose();
        Assert.Equal(1, factory.WithDb(db => db.ExportJobs.Count()));
    }

    [Fact]
    public async Task TheCommandLine_SaysWhyItWritesNothing_AndLeavesNoFileBehind()
    {
        string[] Options(string file) => ["export", "notice", "--out", file, $"--Awards:DatabasePath={factory.DatabasePath}", $"--Awards:KeysPath={Path.Combine(factory.Root, "keys")}"];

        // Nothing final yet: the page's message, not a stack trace, and no file (nor a half-written one).
        var file = Path.Combine(factory.Root, "nothing-final.docx");
        using (var output = new StringWriter())
        {
            Assert.Equal(1, await Cli.CommandLine.RunAsync(Options(file), output, new StringReader(string.Empty)));
            Assert.Contains("error: No results are final yet, so there is nothing to export.", output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
        }

        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".part"));

        // A folder that does not exist is named.
        var missing = Path.Combine(factory.Root, "no-such-folder", "notice.docx");
        using (var output = new StringWriter())
        {
            Assert.Equal(2, await Cli.CommandLine.RunAsync(Options(missing), output, new StringReader(string.Empty)));
            Assert.Contains($"error: the folder {Path.GetDirectoryName(missing)} does not exist", output.ToString(), StringComparison.Ordinal);
        }
    }
}
