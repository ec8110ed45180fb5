using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// The site on a temporary SQLite file of its own, with the demo seed, its own mail folder and
/// keys, and rate limits high enough for a test class. Each test class gets a fresh database.
/// </summary>
public class AwardsFactory : WebApplicationFactory<Program>
{
    public AwardsFactory()
    {
        Root = Path.Combine(Path.GetTempPath(), "awards-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The site's clock; move it to test deadlines.</summary>
    public TestClock Clock { get; } = new();

    public string MailFolder => Path.Combine(Root, "mail");

    public string DatabasePath => Path.Combine(Root, "awards.db");

    protected virtual string Mode => "Demo";

    protected virtual int AccountPostsPerMinute => 1000;

    protected virtual int EntryPostsPerMinute => 1000;

    protected virtual int ObjectionPostsPerHour => 30;

    protected virtual int LookupsPerMinute => 1000;

    /// <summary>Off for most test classes: those that test the site's own reminders turn it on and run its passes themselves.</summary>
    protected virtual bool AutomaticReminders => false;

    public T WithDb<T>(Func<AwardsDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AwardsDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Awards:Mode", Mode);
        builder.UseSetting("Awards:DatabasePath", DatabasePath);
        builder.UseSetting("Awards:KeysPath", Path.Combine(Root, "keys"));
        builder.UseSetting("Awards:RateLimits:AccountPostsPerMinute", AccountPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Awards:RateLimits:EntryPostsPerMinute", EntryPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Awards:RateLimits:ObjectionPostsPerHour", ObjectionPostsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Awards:RateLimits:LookupsPerMinute", LookupsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Awards:Reminders:Automatic", AutomaticReminders ? "true" : "false");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>The real time, shifted by <see cref="Offset"/>.</summary>
public sealed class TestClock : IClock
{
    private TimeSpan _offset;

    private DateTime? _stopped;

    /// <summary>How far the clock runs ahead of the real one; setting it starts a stopped clock again.</summary>
    public TimeSpan Offset
    {
        get => _offset;
        set
        {
            _offset = value;
            _stopped = null;
        }
    }

    public DateTime UtcNow => _stopped ?? DateTime.UtcNow + _offset;

    /// <summary>Moves the clock so that it reads <paramref name="utc"/> now, and runs on from there.</summary>
    public void Set(DateTime utc) => Offset = utc - DateTime.UtcNow;

    /// <summary>
    /// Stops the clock at <paramref name="utc"/> until it is set again: for "just before a deadline",
    /// which a running clock can pass while a slow machine serves the request.
    /// </summary>
    public void Stop(DateTime utc) => _stopped = utc;
}

/// <summary>The site with its automatic reminders on, as it runs by default.</summary>
public sealed class AutomaticRemindersFactory : AwardsFactory
{
    protected override bool AutomaticReminders => true;
}

public sealed class ProductionFactory : AwardsFactory
{
    protected override string Mode => "Production";
}

public sealed class StrictRateLimitFactory : AwardsFactory
{
    protected override int AccountPostsPerMinute => 3;

    protected override int EntryPostsPerMinute => 3;

    protected override int ObjectionPostsPerHour => 10;
}

/// <summary>A site that takes three look-ups of a reference or a certificate code a minute per address.</summary>
public sealed class LookupLimitFactory : AwardsFactory
{
    protected override int LookupsPerMinute => 3;
}
