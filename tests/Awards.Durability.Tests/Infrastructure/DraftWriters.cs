using System.Collections.Concurrent;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>
/// Authors saving new essay drafts one after another, as fast as the site acknowledges them, until
/// stopped or until the site goes away. <see cref="Acknowledged"/> is what each of them was told was saved.
/// </summary>
public sealed class DraftWriters : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Author, string Code, string Title, int Sent)> _acknowledged = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SiteClient> _clients = [];
    private List<Task> _loops = [];
    private int _sent;

    public int Count => _acknowledged.Count;

    public List<(string Author, string Code, string Title)> Acknowledged => [.. _acknowledged.Select(a => (a.Author, a.Code, a.Title))];

    /// <summary>How many saves have been sent so far, acknowledged or not.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>
    /// The acknowledged drafts whose request went out after <paramref name="sent"/> saves had been
    /// sent: those were committed after that moment. (A save acknowledged later may still have been
    /// committed earlier, so the order of acknowledgements cannot tell.)
    /// </summary>
    public List<(string Author, string Code, string Title)> AcknowledgedSentAfter(int sent) =>
        [.. _acknowledged.Where(a => a.Sent > sent).Select(a => (a.Author, a.Code, a.Title))];

    public static async Task<DraftWriters> StartAsync(Uri address, params string[] authors)
    {
        var writers = new DraftWriters();
        var forms = new List<(string Token, string Theme)>();
        foreach (var author in authors)
        {
            var client = await SiteClient.SignedInAsync(address, author);
            writers._clients.Add(client);
            forms.Add(await NewEssayFormAsync(client));
        }

        writers._loops = [.. authors.Select((author, i) => Task.Run(() => writers.WriteAsync(author, writers._clients[i], forms[i].Token, forms[i].Theme)))];
        return writers;
    }

    /// <summary>
    /// The token of a new essay's form in a theme where the author may still write one: each demo
    /// author has submitted the one essay a theme takes in one of the two themes, whose new form is
    /// then refused (a redirect to the dashboard).
    /// </summary>
    private static async Task<(string Token, string Theme)> NewEssayFormAsync(SiteClient client)
    {
        foreach (var theme in new[] { "help-story", "journey" })
        {
            using var response = await client.Http.GetAsync($"/essays/new/{theme}");
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return (await client.TokenAsync($"/essays/new/{theme}"), theme);
            }
        }

        throw new InvalidOperationException("the author may write in neither theme");
    }

    /// <summary>Waits until at least <paramref name="count"/> drafts have been acknowledged in all.</summary>
    public async Task UntilAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Count < count)
        {
            Assert.False(_loops.All(l => l.IsCompleted), "the writers stopped before writing enough");
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Lets each author finish the save in hand, then stops them.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _clients.ForEach(c => c.Dispose());
        _stop.Dispose();
    }

    private async Task WriteAsync(string author, SiteClient client, string token, string theme)
    {
        for (var n = 1; !_stop.IsCancellationRequested; n++)
        {
            var title = $"{author.Split('@')[0]} 第{n}稿";
            var sent = Interlocked.Increment(ref _sent);
            try
            {
                if (await Essays.SaveDraftAsync(client, token, theme, title) is { } code)
                {
                    _acknowledged.Enqueue((author, code, title, sent));
                }
            }
            catch (Exception e) when (ServerProcess.IsGone(e))
            {
                return; // whatever was not acknowledged may or may not be there
            }
        }
    }
}
