using System.Threading.RateLimiting;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Results;

/// <summary>
/// The objections one address may send per hour (<c>Awards:RateLimits:ObjectionsPerHour</c>),
/// counted when one is received: a form refused for a mistake (a field left empty, a code that is
/// not on the notice) costs the visitor nothing, so a member of the public who corrects a form is
/// not locked out by it. Every post, mistaken or not, also passes the looser flood guard on the
/// route (<c>ObjectionPostsPerHour</c>). The check comes before the objection is saved and the
/// count after, so posts from one address at the very same moment can pass by one or two; the
/// flood guard still bounds them.
/// </summary>
public sealed class ObjectionAllowance(IOptions<AwardsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _received = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimits.ObjectionsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>Whether the address has sent all the objections it may this hour.</summary>
    public bool Exhausted(string address) => _received.GetStatistics(address)?.CurrentAvailablePermits is 0;

    /// <summary>Counts an objection received from the address.</summary>
    public void Received(string address)
    {
        using var lease = _received.AttemptAcquire(address);
    }

    public void Dispose() => _received.Dispose();
}
