using System.Collections.Concurrent;
using System.Data.Common;
using Awards.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands each request path runs (background work such as the export worker
/// runs outside a request and is not counted), to catch N+1 queries on list pages.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _byPath = new(StringComparer.Ordinal);

    public IHttpContextAccessor? Http { get; set; }

    public int For(string path) => _byPath.GetValueOrDefault(path);

    public void Reset() => _byPath.Clear();

    /// <summary>Adds this counter to the site's DbContext options.</summary>
    public void AddTo(IServiceCollection services)
    {
        var original = services.Single(d => d.ServiceType == typeof(DbContextOptions<AwardsDbContext>));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(DbContextOptions<AwardsDbContext>), provider =>
        {
            Http ??= provider.GetRequiredService<IHttpContextAccessor>();
            var options = (DbContextOptions<AwardsDbContext>)original.ImplementationFactory!(provider);
            return new DbContextOptionsBuilder<AwardsDbContext>(options).AddInterceptors(this).Options;
        }, original.Lifetime));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (Http?.HttpContext?.Request.Path.Value is { } path)
        {
            _byPath.AddOrUpdate(path, 1, (_, n) => n + 1);
        }
    }
}
