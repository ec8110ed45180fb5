using Awards.Core.Common;
using Awards.Web.Features.Dashboard;
using Awards.Web.Features.Judging;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Reminders;

/// <summary>
/// Reminds people of the schedule's deadlines by itself (ADR 0022): every few minutes, the judges
/// who are behind in each open round closing within a lead time (3 days and 1 day before, by
/// default: <see cref="ReminderOptions"/>), and the entrants with entries still to submit before
/// submissions close. Each goes once per round or contest and lead time, through the same code
/// and mails as the organizer's buttons (<see cref="JudgeReminders"/>, <see cref="EntrantReminders"/>),
/// and is recorded in the audit log by the system, which is what keeps it from going twice.
/// </summary>
public sealed class DeadlineReminders(IServiceScopeFactory scopes, IClock clock, IOptions<AwardsOptions> options, ILogger<DeadlineReminders> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);

    // One pass at a time in the process: the background loop and the tests' calls.
    private readonly SemaphoreSlim _pass = new(1, 1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A lead time that cannot be one stops the site at start rather than at the first pass.
        _ = options.Value.Reminders.Leads;
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Sends the reminders that are due now; returns how many mails went into the outbox. Nothing when automatic reminders are off.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Reminders.Automatic)
        {
            return 0;
        }

        await _pass.WaitAsync(cancellationToken);
        try
        {
            List<int> rounds;
            using (var scope = scopes.CreateScope())
            {
                var contest = await scope.ServiceProvider.GetRequiredService<SiteContext>().CurrentContestAsync(cancellationToken);
                if (contest is null)
                {
                    return 0;
                }

                var now = clock.UtcNow;
                rounds = [.. contest.Tracks.SelectMany(t => t.Rounds).Where(r => !r.IsClosedAt(now)).Select(r => r.Id)];
            }

            var mails = 0;
            foreach (var round in rounds)
            {
                mails += await OneAsync(services => services.GetRequiredService<JudgeReminders>().RemindBeforeDeadlineAsync(round, cancellationToken), $"the judges of round {round}");
            }

            return mails + await OneAsync(services => services.GetRequiredService<EntrantReminders>().RemindBeforeDeadlineAsync(cancellationToken), "the entrants");
        }
        finally
        {
            _pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Reminders.Automatic)
        {
            return;
        }

        using var timer = new PeriodicTimer(Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // Each reminder in a scope of its own: one that fails (a locked database, a deleted round)
    // leaves nothing half-saved for the next, and is tried again at the next pass. Never let it
    // out: a background service's exception would stop the site.
    private async Task<int> OneAsync(Func<IServiceProvider, Task<int>> remind, string what)
    {
        try
        {
            using var scope = scopes.CreateScope();
            return await remind(scope.ServiceProvider);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The automatic reminder of {What} did not go", what);
            return 0;
        }
    }
}
