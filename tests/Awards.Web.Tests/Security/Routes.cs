using System.Text.RegularExpressions;
using Awards.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Security;

/// <summary>One controller action as the site routes it: its method, its template, and who may call it.</summary>
public sealed partial record Route(string Method, string Template, string? Role, bool SignedIn, string Action)
{
    /// <summary>The demo account to call the route as: one that the role checks let through.</summary>
    public string? Account => Role switch
    {
        Roles.Organizer => "organizer@demo.example",
        Roles.UnitCoordinator => "coordinator.qingshan@demo.example",
        Roles.Author => "author.zhang@demo.example",
        Roles.Judge => "judge.huang@demo.example",
        Roles.Leader => "leader@demo.example",
        _ => SignedIn ? "author.zhang@demo.example" : null,
    };

    public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";

    /// <summary>The URL with each parameter replaced: from <paramref name="values"/> by name, else a harmless stand-in.</summary>
    public string Url(IReadOnlyDictionary<string, string>? values = null) =>
        Parameter().Replace(Template, m =>
        {
            var name = m.Groups[1].Value;
            return values is not null && values.TryGetValue(name, out var value) ? value
                : m.Groups[2].Value is ":int" or ":long" ? "1"
                : "X" + name.ToUpperInvariant();
        });

    [GeneratedRegex(@"\{(\w+)(:\w+)?\}")]
    private static partial Regex Parameter();
}

public static class Routes
{
    /// <summary>Every controller action of the site, read from MVC's own table so that a new action is included without anyone listing it.</summary>
    public static IReadOnlyList<Route> All(IServiceProvider services) =>
        [.. services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .SelectMany(Describe)
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)];

    private static IEnumerable<Route> Describe(ControllerActionDescriptor action)
    {
        var template = "/" + (action.AttributeRouteInfo?.Template ?? string.Empty).TrimStart('/');
        var authorize = action.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        var anonymous = action.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        // The innermost role wins: an action's [Authorize(Roles)] narrows its controller's.
        var role = authorize.LastOrDefault(a => a.Roles is not null)?.Roles;
        var methods = action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToList() ?? [];
        if (methods.Count == 0)
        {
            // [Route] without a verb (the error pages) answers every method; GET stands for them.
            methods = ["GET"];
        }

        return methods.Select(m => new Route(m, template, role, !anonymous && authorize.Count > 0, $"{action.ControllerName}.{action.ActionName}"));
    }

    /// <summary>Demo accounts of every role, for checking that each role reaches only its own pages.</summary>
    public static readonly IReadOnlyDictionary<string, string> AccountOfRole = new Dictionary<string, string>
    {
        [Roles.Organizer] = "organizer@demo.example",
        [Roles.UnitCoordinator] = "coordinator.yunling@demo.example",
        [Roles.Author] = "author.li@demo.example",
        [Roles.Judge] = "judge.lin@demo.example",
        [Roles.Leader] = "leader@demo.example",
    };
}
