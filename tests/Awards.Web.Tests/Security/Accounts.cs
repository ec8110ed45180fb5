using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>One signed-in browser per demo account for a test class: signing in is the slow part of these tests.</summary>
public sealed class Accounts(AwardsFactory factory)
{
    private readonly Dictionary<string, Browser> _browsers = [];

    public async Task<Browser> AsAsync(string? email)
    {
        if (email is null)
        {
            return new Browser(factory);
        }

        if (!_browsers.TryGetValue(email, out var browser))
        {
            browser = await Nominating.SignedInAsync(factory, email);
            _browsers[email] = browser;
        }

        return browser;
    }
}
