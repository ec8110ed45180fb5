using System.Net;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 2.2.x, 3.x: sign-in and registration do not tell an attacker which addresses have an
/// account, neither by their words nor by their time. The time is the password hash (about a tenth
/// of a second): an unknown address, or a registration with a taken one, costs one as a known
/// address does. Counted, not timed.
/// </summary>
public sealed class SignInOracleTests(HashCountingSite factory) : IClassFixture<HashCountingSite>
{
    private const string Wrong = "这不是密码-Wrong-1";

    [Fact]
    public async Task ASignInWithAnUnknownAddress_HashesThePasswordAsAKnownOneDoes_AndGetsTheSameWords()
    {
        var known = await SignInCountingAsync("judge.gao@demo.example", Wrong);
        var unknown = await SignInCountingAsync("nobody.here@demo.example", Wrong);

        Assert.Equal(1, known.Verified);
        Assert.Equal(known.Verified, unknown.Verified);
        Assert.Contains("邮箱或密码错误。", known.Page, StringComparison.Ordinal);
        Assert.Contains("邮箱或密码错误。", unknown.Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnconfirmedOrTurnedOffAccount_IsNamedOnlyToWhoeverTypesItsPassword()
    {
        const string password = "Essay-Writer-2026";
        await CreateAsync("unconfirmed.author@example.org", password, confirmed: false, turnedOff: false);
        await CreateAsync("turned.off@example.org", password, confirmed: true, turnedOff: true);

        // A wrong password: the words of an unknown address, and a hash checked as for one.
        foreach (var email in new[] { "unconfirmed.author@example.org", "turned.off@example.org" })
        {
            var guessed = await SignInCountingAsync(email, Wrong);
            Assert.Contains("邮箱或密码错误。", guessed.Page, StringComparison.Ordinal);
            Assert.DoesNotContain("请先确认电子邮箱", guessed.Page, StringComparison.Ordinal);
            Assert.DoesNotContain("该账号已停用", guessed.Page, StringComparison.Ordinal);
            Assert.Equal(1, guessed.Verified);
        }

        // The owner, with the right password, is told what to do.
        Assert.Contains("请先确认电子邮箱", (await SignInCountingAsync("unconfirmed.author@example.org", password)).Page, StringComparison.Ordinal);
        Assert.Contains("该账号已停用", (await SignInCountingAsync("turned.off@example.org", password)).Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedAccount_IsNamedOnlyToWhoeverTypesItsPassword_WhoStillDoesNotGetIn()
    {
        const string password = "Essay-Writer-2026";
        await CreateAsync("locked.author@example.org", password, confirmed: true, turnedOff: false);

        // Five wrong passwords lock it, and a sixth comes after: each answered as for an unknown
        // address, in words and in hashes, the one that locks it too.
        for (var i = 0; i < 6; i++)
        {
            var guessed = await SignInCountingAsync("locked.author@example.org", Wrong);
            Assert.Contains("邮箱或密码错误。", guessed.Page, StringComparison.Ordinal);
            Assert.DoesNotContain("账号已锁定", guessed.Page, StringComparison.Ordinal);
            Assert.Equal(1, guessed.Verified);
        }

        Assert.NotNull(factory.WithDb(db => db.Users.Single(u => u.Email == "locked.author@example.org").LockoutEnd));

        // The owner is told, and is not signed in.
        var browser = new Browser(factory);
        using (var right = await browser.SignInAsync("locked.author@example.org", password))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Contains("登录失败次数过多，账号已锁定 15 分钟。", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var dashboard = await browser.Client.GetAsync("/dashboard");
        Assert.Contains("/account/login", dashboard.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteringWithATakenAddress_HashesThePasswordAsANewAccountDoes()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Registration(string email) => new()
        {
            ["Form.Name"] = "赵小梅",
            ["Form.Email"] = email,
            ["Form.Phone"] = "13912345678",
            ["Form.UnitId"] = unit,
            ["Form.Password"] = "Essay-Writer-2026",
            ["Form.ConfirmPassword"] = "Essay-Writer-2026",
        };

        var before = factory.Hasher.Hashed;
        using (var fresh = await new Browser(factory).SubmitAsync("/account/register", "/account/register", Registration("brand.new.author@example.org")))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }

        var forNew = factory.Hasher.Hashed - before;
        before = factory.Hasher.Hashed;
        using (var taken = await new Browser(factory).SubmitAsync("/account/register", "/account/register", Registration("author.tang@demo.example")))
        {
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        }

        Assert.Equal(1, forNew);
        Assert.Equal(forNew, factory.Hasher.Hashed - before);
    }

    private async Task<(int Verified, string Page)> SignInCountingAsync(string email, string password)
    {
        var before = factory.Hasher.Verified;
        using var answer = await new Browser(factory).SignInAsync(email, password);
        return (factory.Hasher.Verified - before, await answer.Content.ReadAsStringAsync());
    }

    private async Task CreateAsync(string email, string password, bool confirmed, bool turnedOff)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = "测试",
            EmailConfirmed = confirmed,
            CreatedAt = factory.Clock.UtcNow,
            DeactivatedAt = turnedOff ? factory.Clock.UtcNow : null,
        };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
    }
}

/// <summary>The demo site, counting the password hashes it makes and checks.</summary>
public sealed class HashCountingSite : AwardsFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(provider =>
        {
            Hasher.Inner = new PasswordHasher<AppUser>(provider.GetService<IOptions<PasswordHasherOptions>>());
            return Hasher;
        }));
    }
}

public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private int _hashed;
    private int _verified;

    public IPasswordHasher<AppUser> Inner { get; set; } = new PasswordHasher<AppUser>();

    public int Hashed => Volatile.Read(ref _hashed);

    public int Verified => Volatile.Read(ref _verified);

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref _hashed);
        return Inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
