using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Core.Uploads;

namespace Awards.Core.Tests.Entries;

public class AttachmentTests
{
    private static readonly ContestSchedule Schedule = TestSchedule.Create();

    private static readonly DateTime Now = TestSchedule.DuringSubmission;

    private static readonly AttachmentLimits Limits = new(MaxFiles: 2, MaxTotalBytes: 1000);

    [Fact]
    public void Attach_AddsTheFileWithARandomTokenAndTheKindsExtension()
    {
        var entry = NewEntry();

        var a = entry.Attach("事迹材料.PDF", FileKind.Pdf, 100, Hash('a'), Limits, Schedule, Now);
        var b = entry.Attach("photo.jpeg", FileKind.Jpeg, 100, Hash('b'), Limits, Schedule, Now);

        Assert.Equal(2, entry.Attachments.Count);
        Assert.Equal("事迹材料.pdf", a.FileName);
        Assert.Equal("photo.jpg", b.FileName);
        Assert.NotEqual(a.Token, b.Token);
        Assert.Equal(16, a.Token.Length);
    }

    [Fact]
    public void Attach_BeyondTheFileCount_IsRefused()
    {
        var entry = NewEntry();
        entry.Attach("a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, Now);
        entry.Attach("b.pdf", FileKind.Pdf, 10, Hash('b'), Limits, Schedule, Now);

        var ex = Assert.Throws<DomainException>(() => entry.Attach("c.pdf", FileKind.Pdf, 10, Hash('c'), Limits, Schedule, Now));

        Assert.Equal("An entry can have at most {0} attachments.", ex.MessageKey);
        Assert.Equal(2, entry.Attachments.Count);
    }

    [Fact]
    public void Attach_BeyondTheTotalSize_IsRefused()
    {
        var entry = NewEntry();
        entry.Attach("a.pdf", FileKind.Pdf, 900, Hash('a'), Limits, Schedule, Now);

        var ex = Assert.Throws<DomainException>(() => entry.Attach("b.pdf", FileKind.Pdf, 101, Hash('b'), Limits, Schedule, Now));

        Assert.Equal("The attachments of an entry can total at most {0} MB.", ex.MessageKey);
        Assert.Single(entry.Attachments);
    }

    [Fact]
    public void Attach_TheSameFileTwice_IsRefused()
    {
        var entry = NewEntry();
        entry.Attach("a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, Now);

        var ex = Assert.Throws<DomainException>(() => entry.Attach("copy of a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, Now));

        Assert.Equal("This file is already attached.", ex.MessageKey);
    }

    [Fact]
    public void Attach_AfterTheDeadline_IsRefused()
    {
        var entry = NewEntry();

        var ex = Assert.Throws<DomainException>(() => entry.Attach("a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, TestSchedule.ClosesAt));

        Assert.Equal("The submission deadline has passed; entries can no longer change.", ex.MessageKey);
        Assert.Empty(entry.Attachments);
    }

    [Fact]
    public void Detach_AfterTheDeadline_IsRefusedAndKeepsTheFile()
    {
        var entry = NewEntry();
        var a = entry.Attach("a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, Now);

        Assert.Throws<DomainException>(() => entry.Detach(a, Schedule, TestSchedule.ClosesAt));

        Assert.Single(entry.Attachments);
    }

    [Fact]
    public void Detach_RemovesTheFile()
    {
        var entry = NewEntry();
        var a = entry.Attach("a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, Now);

        entry.Detach(a, Schedule, Now);

        Assert.Empty(entry.Attachments);
    }

    [Fact]
    public void Attach_ToAnAcceptedEntry_IsRefused()
    {
        var entry = NewEntry();
        entry.DescribeNominee(new Nominee("张三", Gender.Male, 1975, "村党支部书记", "138"), null, null);
        entry.Submit(Schedule, Now, TakenSlots.None);
        entry.Accept(Now);

        Assert.Throws<DomainException>(() => entry.Attach("a.pdf", FileKind.Pdf, 10, Hash('a'), Limits, Schedule, Now));
    }

    [Theory]
    [InlineData(@"C:\Users\王芳\Desktop\材料.docx", FileKind.Docx, "材料.docx")]
    [InlineData("../../etc/passwd.png", FileKind.Png, "passwd.png")]
    [InlineData("a\u0000b<c>.pdf", FileKind.Pdf, "abc.pdf")]
    [InlineData(".pdf", FileKind.Pdf, "attachment.pdf")]
    [InlineData("scan.pdf", FileKind.Jpeg, "scan.jpg")]
    public void CleanFileName_KeepsTheBaseNameOnlyWithTheDetectedExtension(string given, FileKind kind, string expected)
    {
        Assert.Equal(expected, Attachment.CleanFileName(given, kind));
    }

    [Fact]
    public void CleanFileName_ShortensLongNamesButKeepsTheExtension()
    {
        var name = Attachment.CleanFileName(new string('长', 300) + ".pdf", FileKind.Pdf);

        Assert.Equal(Attachment.MaxFileNameLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    private static string Hash(char c) => new(c, 64);

    private static Entry NewEntry()
    {
        var track = new Track("innovation", new BilingualText("创新奖", "Innovation Award"), TrackKind.Nomination, Entrant.Individual);
        track.SetLimits(new TrackLimits(10, 100, 2, null));
        return new Entry(track, "事迹", new string('字', 20), unitId: 1, ownerUserId: 1, Now);
    }
}
