using System.Collections.Concurrent;
using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Infrastructure;

/// <summary>
/// When each session last made a request (ADR 0013), for the account security page's "last active".
/// A signed-in request only notes the time in the process, once a minute at most per session; a
/// background writer (<see cref="SessionActivityWriter"/>) saves what was noted every minute and
/// when the site stops. No request waits for a write, and a minute's activity is one small save.
/// The page reads the saved time, or the noted one when it is newer.
/// </summary>
public sealed class SessionActivity
{
    /// <summary>How finely a session's activity is noted, and how often it is saved.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    // Sessions seen since the start, and those whose time is not saved yet.
    private readonly ConcurrentDictionary<string, DateTime> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unsaved = new(StringComparer.Ordinal);

    /// <summary>Notes a request of the session; a dictionary look-up unless a minute has passed.</summary>
    public void Seen(string sessionId, DateTime now)
    {
        if (!_seen.TryGetValue(sessionId, out var last) || now - last >= Resolution)
        {
            _seen[sessionId] = now;
            _unsaved[sessionId] = 0;
        }
    }

    /// <summary>The last request noted in this process, if any.</summary>
    public DateTime? LastSeen(string sessionId) => _seen.TryGetValue(sessionId, out var at) ? at : null;

    /// <summary>Saves the noted times not saved yet; returns how many sessions it wrote.</summary>
    public async Task<int> SaveAsync(AwardsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = _unsaved.Keys.ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        foreach (var id in ids)
        {
            _unsaved.TryRemove(id, out _);
        }

        try
        {
            var sessions = await db.UserSessions.Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
            foreach (var session in sessions)
            {
                if (_seen.TryGetValue(session.Id, out var at) && (session.LastSeenAt is null || session.LastSeenAt < at))
                {
                    session.LastSeenAt = at;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return sessions.Count;
        }
        catch
        {
            // Noted again for the next try (a busy database, a stop).
            foreach (var id in ids)
            {
                _unsaved.TryAdd(id, 0);
            }

            throw;
        }
        finally
        {
            // Sessions idle for longer than a cookie lives are forgotten here; their time is saved.
            foreach (var idle in _seen.Where(e => now - e.Value > SessionEnds.Memory && !_unsaved.ContainsKey(e.Key)).Select(e => e.Key).ToList())
            {
                _seen.TryRemove(idle, out _);
            }
        }
    }
}

/// <summary>Saves <see cref="SessionActivity"/> every minute, and once more when the site stops.</summary>
public sealed class SessionActivityWriter(SessionActivity activity, IServiceScopeFactory scopes, IClock clock, ILogger<SessionActivityWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SessionActivity.Resolution);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync saves the last minute.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await activity.SaveAsync(scope.ServiceProvider.GetRequiredService<AwardsDbContext>(), clock.UtcNow, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The sessions' last activity could not be saved; it is tried again in a minute.");
        }
    }
}
