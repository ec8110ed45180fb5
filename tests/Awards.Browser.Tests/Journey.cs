using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>
/// Steps every journey shares. When a page is not where a step expects it, the failure names the
/// page's address and its visible messages and keeps a screenshot and the HTML under
/// artifacts/browser, so that a failure on CI can be read without rerunning it.
/// </summary>
public static class Journey
{
    public const string DemoPassword = "Demo-Awards-2026";

    /// <summary>The errors the page's console reports from now on (a script failing, or blocked by the CSP).</summary>
    public static List<string> ConsoleErrors(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        return errors;
    }

    /// <summary>Signs in from the sign-in page and waits for the dashboard the role lands on.</summary>
    public static async Task SignInAsync(IPage page, string email, string landing, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await FillAndSignInAsync(page, email, landing, password);
    }

    /// <summary>Fills in the sign-in form on the current page and waits for the dashboard the role lands on.</summary>
    public static async Task FillAndSignInAsync(IPage page, string email, string landing, string password = DemoPassword)
    {
        await ExpectUrlAsync(page, new Regex("/account/login"));
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await ExpectUrlAsync(page, landing);
    }

    /// <summary>Waits until the page is at an address matching a glob in which ** is any text and * any text without a slash.</summary>
    public static Task ExpectUrlAsync(IPage page, string glob) =>
        WithDiagnosticsAsync(page, glob, () => WaitForPageAsync(page, GlobToRegex(glob)));

    public static Task ExpectUrlAsync(IPage page, Regex pattern) =>
        WithDiagnosticsAsync(page, pattern.ToString(), () => WaitForPageAsync(page, pattern));

    /// <summary>
    /// Waits until the page's own address matches and its document is parsed (the scripts at the end
    /// of the body have run), asking the page rather than waiting for Playwright's "load" event: on
    /// CI a sign-in once waited 30 s for a "load" that never reached the test although the page had
    /// loaded and the network had gone idle. Then waits until Playwright's view of the address has
    /// caught up too, because tests read page.Url next.
    /// </summary>
    private static async Task WaitForPageAsync(IPage page, Regex pattern)
    {
        await page.WaitForFunctionAsync(
            "pattern => new RegExp(pattern).test(location.href) && document.readyState !== 'loading'",
            pattern.ToString(),
            new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 30_000 });
        for (var waited = 0; !pattern.IsMatch(page.Url); waited += 20)
        {
            if (waited >= 5_000)
            {
                throw new TimeoutException($"The page is at an address matching {pattern} but Playwright still reports {page.Url}.");
            }

            await Task.Delay(20);
        }
    }

    private static Regex GlobToRegex(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex("^" + pattern + "$");
    }

    private static async Task WithDiagnosticsAsync(IPage page, string expected, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException ex)
        {
            var name = $"failure-{DateTime.UtcNow:HHmmss-fff}";
            string text;
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, name + ".png"), FullPage = true });
                await File.WriteAllTextAsync(Path.Combine(SiteFixture.ArtifactsFolder, name + ".html"), await page.ContentAsync());
                text = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            }
            catch (PlaywrightException inner)
            {
                text = "(the page could not be read: " + inner.Message + ")";
            }

            throw new TimeoutException($"Expected the address {expected} but the page is at {page.Url} ({name}). It says: {Shorten(text)}", ex);
        }
    }

    private static string Shorten(string text)
    {
        var flat = Regex.Replace(text, @"\s+", " ").Trim();
        return flat.Length <= 800 ? flat : flat[..800] + "…";
    }
}
