using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>The operator's one line per request: who, which route, what status, how long; never a token from the query string.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task EachRequest_IsLoggedWithItsRouteStatusAndAccount_ButNotItsQueryString()
    {
        using var factory = new LoggingFactory();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var organizerId = factory.WithDb(db => db.Users.Single(u => u.Email == "organizer@demo.example").Id);
        factory.Lines.Clear();

        (await organizer.Client.GetAsync("/organizer/exports?token=do-not-log-me")).Dispose();
        (await organizer.Client.GetAsync("/css/site.css")).Dispose();
        using var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/no-such-page")).Dispose();

        var lines = factory.Lines.ToList();
        var exports = Assert.Single(lines, l => (string?)l["Path"] == "/organizer/exports");
        Assert.Equal(("GET", "organizer/exports", 200, organizerId), ((string?)exports["Method"], (string?)exports["Route"], (int?)exports["Status"], (int?)exports["UserId"]));
        Assert.IsType<long>(exports["ElapsedMs"]);
        var missing = Assert.Single(lines, l => (string?)l["Path"] == "/no-such-page");
        Assert.Equal((404, null), ((int?)missing["Status"], (int?)missing["UserId"]));
        Assert.DoesNotContain(lines, l => (string?)l["Path"] == "/css/site.css");
        Assert.DoesNotContain(lines, l => l.Values.Any(v => v?.ToString()?.Contains("do-not-log-me", StringComparison.Ordinal) == true));
    }

    /// <summary>The site, keeping the fields of every request log line as a JSON console formatter would print them.</summary>
    private sealed class LoggingFactory : AwardsFactory
    {
        public ConcurrentQueue<Dictionary<string, object?>> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Lines)));
        }
    }

    private sealed class Capture(ConcurrentQueue<Dictionary<string, object?>> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName == "Awards.Web.Infrastructure.RequestLog" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                lines.Enqueue(fields.ToDictionary(f => f.Key, f => f.Value));
            }
        }

        public void Dispose()
        {
        }
    }
}
