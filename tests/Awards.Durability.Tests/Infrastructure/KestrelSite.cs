using System.Collections.Concurrent;
using Awards.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>
/// The site in this process on a real Kestrel port (real sockets, real connection handling), on
/// the demo seed in a temporary folder, keeping every warning and error it logs.
/// </summary>
public sealed class KestrelSite : WebApplicationFactory<Program>
{
    /// <summary>Cheap password hashes for the accounts a test makes by the hundred; the demo accounts rehash on sign-in.</summary>
    public const int PasswordIterations = 1000;

    private readonly TestFolder _folder = new();

    public KestrelSite()
    {
        UseKestrel(0);
        StartServer();
    }

    public Uri Address => ClientOptions.BaseAddress;

    public ConcurrentQueue<string> Problems { get; } = new();

    public T WithDb<T>(Func<AwardsDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AwardsDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var setting in _folder.Settings)
        {
            var (key, value) = (setting[2..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new ProblemLog(Problems)));
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordIterations));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }

    /// <summary>Keeps what the site logs at Warning and above: a "database is locked" shows up here even when a page hides it.</summary>
    private sealed class ProblemLog(ConcurrentQueue<string> problems) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                problems.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.Message}");
            }
        }

        public void Dispose()
        {
        }
    }
}
