using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// The framework's own floor, with nothing of Awards: a trivial endpoint, and signed-in MVC pages
// with a layout that carries one antiforgery form, as every Awards page does (the sign-out).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health", () => "Healthy");
app.MapGet("/sign-in", async (HttpContext context) =>
{
    var identity = new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Name, "judge0001@generated.example"), new Claim(ClaimTypes.Role, "Judge")],
        CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(new ClaimsPrincipal(identity));
    return "Signed in";
});
app.MapControllers();
await app.RunAsync();

namespace FrameworkFloor
{
    /// <summary>The signed-in endpoints run.sh loads.</summary>
    [Authorize]
    public sealed class FloorController : Controller
    {
        // One hundred rows of a judge's queue, the same for every request: the page without its query.
        private static readonly List<QueueRow> Rows = [.. Enumerable.Range(1, 100).Select(i => new QueueRow($"JX{i:D2}-4K7P", $"我的帮扶故事：第 {i} 个村子里的那条路", i % 3 == 0 ? null : 80m + (i % 20)))];

        /// <summary>Signed in, no view: authentication, routing and MVC's action.</summary>
        [HttpGet("/text")]
        public IActionResult Text() => Content("ok");

        /// <summary>A signed-in page with the layout and its antiforgery form, and nothing else.</summary>
        [HttpGet("/page")]
        public IActionResult Page() => View();

        /// <summary>The same page with a table of 100 rows.</summary>
        [HttpGet("/rows")]
        public IActionResult Table() => View(Rows);

        [HttpPost("/sign-out")]
        public async Task<IActionResult> SignOutNow()
        {
            await HttpContext.SignOutAsync();
            return Redirect("/");
        }
    }

    public sealed record QueueRow(string Code, string Title, decimal? Total);
}
