using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>
/// On a blind award, the nominee's "unit and position" is hidden from judges where the deeds repeat
/// it, as is a registered unit it names; a bare title many people share (教师) is left in the text.
/// </summary>
public sealed class NomineeWorkplaceTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheNomineesWorkplaceAndPosition_AreRedactedForJudges_AShortTitleIsNot()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var doctor = Person(title: "急诊一线的守护者", name: "欧阳青");
        doctor["Form.NomineePosition"] = "市第一人民医院急诊科主任";
        doctor["Form.Deeds"] = "她任市第一人民医院急诊科主任十年，多次带队下乡义诊。" + Deeds;
        var teacher = Person(title: "山村讲台", name: "司马兰");
        teacher["Form.NomineePosition"] = "教师";
        teacher["Form.Deeds"] = "作为一名乡村教师，她坚守讲台二十年。" + Deeds;
        var codes = new List<string>();
        foreach (var form in new[] { doctor, teacher })
        {
            var code = await CreateDraftAsync(coordinator, "contribution", form);
            (await SubmitAsync(coordinator, code)).Dispose();
            codes.Add(code);
        }

        var (doctorText, doctorCount) = factory.WithDb(db => db.Entries.Where(e => e.Code == codes[0]).Select(e => new { e.JudgeBody, e.RedactionCount }).Single() is var r ? (r.JudgeBody!, r.RedactionCount) : default);
        Assert.DoesNotContain("市第一人民医院", doctorText, StringComparison.Ordinal);
        Assert.DoesNotContain("急诊科主任", doctorText, StringComparison.Ordinal);
        Assert.Contains("多次带队下乡义诊", doctorText, StringComparison.Ordinal);
        Assert.True(doctorCount > 0);

        var teacherText = factory.WithDb(db => db.Entries.Single(e => e.Code == codes[1]).JudgeBody!);
        Assert.Contains("作为一名乡村教师，她坚守讲台二十年。", teacherText, StringComparison.Ordinal);
    }
}
