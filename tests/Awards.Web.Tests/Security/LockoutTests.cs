using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>ASVS 2.2.1: the fifth wrong password in a row locks the account; the fourth does not.</summary>
public sealed class LockoutTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Locked = "登录失败次数过多，账号已锁定 15 分钟。";

    [Fact]
    public async Task FourFailures_StillLetTheRightPasswordIn_AndResetTheCount()
    {
        var browser = new Browser(factory);
        for (var i = 0; i < 4; i++)
        {
            using var failed = await browser.SignInAsync("author.tang@demo.example", "Wrong-Password-1");
            Assert.DoesNotContain(Locked, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await browser.SignInOrFailAsync("author.tang@demo.example");
        Assert.Equal(0, factory.WithDb(db => db.Users.Single(u => u.Email == "author.tang@demo.example").AccessFailedCount));
    }

    [Fact]
    public async Task TheFifthFailure_Locks_AndTheLockHoldsInAFreshSession_AgainstTheRightPassword_WhichAloneIsTold()
    {
        for (var i = 0; i < 4; i++)
        {
            (await new Browser(factory).SignInAsync("author.yang@demo.example", "Wrong-Password-1")).Dispose();
        }

        // The wrong password that locks it is answered as any wrong password (SignInOracleTests).
        using var fifth = await new Browser(factory).SignInAsync("author.yang@demo.example", "Wrong-Password-1");
        using var right = await new Browser(factory).SignInAsync("author.yang@demo.example");

        var fifthPage = await fifth.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Locked, fifthPage, StringComparison.Ordinal);
        Assert.Contains("邮箱或密码错误。", fifthPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Locked, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(factory.WithDb(db => db.Users.Single(u => u.Email == "author.yang@demo.example").LockoutEnd));
    }
}
