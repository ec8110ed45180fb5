using System.Net;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>A failure outside Development shows the translated error page, never the exception or a stack trace.</summary>
public sealed class ErrorPageTests
{
    private const string Secret = "Data Source=/srv/secret-awards.db";

    [Theory]
    [InlineData("Production", "", "系统出现错误，已记录日志，请稍后再试。")]
    [InlineData("Testing", "", "系统出现错误，已记录日志，请稍后再试。")]
    [InlineData("Production", "&culture=en", "Something went wrong on our side. The error has been logged; please try again later.")]
    public async Task AnUnexpectedException_ShowsTheLocalizedErrorPage_WithoutItsDetails(string environment, string culture, string message)
    {
        using var factory = new FailingFactory(environment);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/?explode=1" + culture);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">", page, StringComparison.Ordinal);
        foreach (var detail in new[] { Secret, nameof(InvalidOperationException), "Awards.Web.", "   at ", "Stack" })
        {
            Assert.DoesNotContain(detail, page, StringComparison.Ordinal);
        }
    }

    /// <summary>The site with a page that throws when asked to (<c>?explode=1</c>), as a bug deep in a feature would.</summary>
    private sealed class FailingFactory(string environment) : AwardsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.ConfigureTestServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(new Explode())));
        }
    }

    private sealed class Explode : IActionFilter
    {
        public void OnActionExecuting(ActionExecutingContext context)
        {
            if (context.HttpContext.Request.Query.ContainsKey("explode") && context.HttpContext.Request.Path == "/")
            {
                throw new InvalidOperationException($"Could not open {Secret}");
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}
