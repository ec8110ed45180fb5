using System.Data.Common;
using Awards.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// Puts something exactly between two steps of an operation, to test races without relying on
/// timing: once a query whose SQL matches has read its rows, <see cref="After"/> runs a competing
/// operation before the first one goes on; <see cref="FailOnce"/> makes the next matching command
/// fail, as a full disk or a locked database would.
/// </summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private Pending? _after;
    private Func<string, bool>? _fail;
    private int _failCode = 10;

    /// <summary>
    /// Once the next query whose SQL <paramref name="match"/>es has run, runs <paramref name="competitor"/>
    /// (in scopes of its own) and goes on when it has finished, or after <paramref name="patience"/> if it
    /// waits for the write lock that the hooked operation holds: then it finishes afterwards, as a
    /// second request would. Returns the competitor's task, to await and check.
    /// </summary>
    public Task After(Func<string, bool> match, Func<Task> competitor, TimeSpan? patience = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _after = new Pending(match, competitor, patience ?? TimeSpan.FromSeconds(2), done);
        return done.Task;
    }

    /// <summary>
    /// The next command whose SQL <paramref name="match"/>es fails once, with a SQLite I/O error, or
    /// with <paramref name="sqliteErrorCode"/> (19: a unique index refuses it, which
    /// <c>ImmediateTransaction</c> retries).
    /// </summary>
    public void FailOnce(Func<string, bool> match, int sqliteErrorCode = 10)
    {
        _failCode = sqliteErrorCode;
        _fail = match;
    }

    /// <summary>Adds this hook to the site's DbContext options.</summary>
    public void AddTo(IServiceCollection services)
    {
        var original = services.Single(d => d.ServiceType == typeof(DbContextOptions<AwardsDbContext>));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(DbContextOptions<AwardsDbContext>), provider =>
        {
            var options = (DbContextOptions<AwardsDbContext>)original.ImplementationFactory!(provider);
            return new DbContextOptionsBuilder<AwardsDbContext>(options).AddInterceptors(this).Options;
        }, original.Lifetime));
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (_after is { } pending && pending.Match(command.CommandText) && Interlocked.CompareExchange(ref _after, null, pending) == pending)
        {
            var competitor = Task.Run(pending.Competitor, CancellationToken.None);
            await Task.WhenAny(competitor, Task.Delay(pending.Patience, CancellationToken.None));
            _ = competitor.ContinueWith(t => t.Exception is { } e ? pending.Done.TrySetException(e.InnerExceptions) : pending.Done.TrySetResult(), TaskScheduler.Default);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Fail(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fail(command);
        return ValueTask.FromResult(result);
    }

    private void Fail(DbCommand command)
    {
        if (_fail is { } match && match(command.CommandText) && Interlocked.CompareExchange(ref _fail, null, match) == match)
        {
            throw new SqliteException("a failure the test planted", _failCode);
        }
    }

    private sealed record Pending(Func<string, bool> Match, Func<Task> Competitor, TimeSpan Patience, TaskCompletionSource Done);
}

/// <summary>The demo site with a <see cref="CommandHook"/> on its database.</summary>
public class HookedSite : AwardsFactory
{
    public CommandHook Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Hook.AddTo);
    }
}

/// <summary>The hooked site with its automatic reminders on; the tests run its passes themselves.</summary>
public sealed class HookedRemindersSite : HookedSite
{
    protected override bool AutomaticReminders => true;
}
