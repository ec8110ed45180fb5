using Awards.Core.Common;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Results;

/// <summary>
/// The objections one address may send per hour (<c>Awards:RateLimits:ObjectionsPerHour</c>).
/// A post takes one of them before it is looked at (<see cref="TryTake"/>), in the same step that
/// checks one is left, so posts from one address at the very same moment cannot pass the limit
/// together. A form refused for a mistake (a field left empty, a code that is not on the notice)
/// gives its objection back (<see cref="GiveBack"/>), so a member of the public who corrects a form
/// is not locked out by it; while a mistaken post is being looked at, it holds its objection. Every
/// post, mistaken or not, also passes the looser flood guard on the route (<c>ObjectionPostsPerHour</c>).
/// The hour is a fixed window per address that starts with its first post.
/// </summary>
public sealed class ObjectionAllowance(IOptions<AwardsOptions> options, IClock clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Windows are dropped once over, when this many addresses are kept.
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, (DateTime Start, int Taken)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Takes one of the address's objections for this hour; false, and nothing taken, when none is left.</summary>
    public bool TryTake(string address)
    {
        var now = clock.UtcNow;
        lock (_gate)
        {
            if (!_windows.TryGetValue(address, out var window) || IsOver(window.Start, now))
            {
                if (_windows.Count >= PruneAbove)
                {
                    Prune(now);
                }

                window = (now, 0);
            }

            if (window.Taken >= options.Value.RateLimits.ObjectionsPerHour)
            {
                return false;
            }

            _windows[address] = (window.Start, window.Taken + 1);
            return true;
        }
    }

    /// <summary>Gives back an objection <see cref="TryTake"/> took for a post that was not received.</summary>
    public void GiveBack(string address)
    {
        var now = clock.UtcNow;
        lock (_gate)
        {
            if (_windows.TryGetValue(address, out var window) && !IsOver(window.Start, now) && window.Taken > 0)
            {
                _windows[address] = (window.Start, window.Taken - 1);
            }
        }
    }

    private static bool IsOver(DateTime start, DateTime now) => now - start >= Window || now < start;

    private void Prune(DateTime now)
    {
        foreach (var (address, window) in _windows.ToList())
        {
            if (IsOver(window.Start, now))
            {
                _windows.Remove(address);
            }
        }
    }
}
