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

    public static Task ExpectUrlAsync(IPage page, string glob) =>
        WithDiagnosticsAsync(page, glob, () => page.WaitForURLAsync(glob));

    public static Task ExpectUrlAsync(IPage page, Regex pattern) =>
        WithDiagnosticsAsync(page, pattern.ToString(), () => page.WaitForURLAsync(pattern));

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
