using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// A mail server on a local port that speaks just enough SMTP (RFC 5321, no extensions, no TLS) for
/// .NET's SmtpClient to hand it messages, and keeps each message as received. A recipient in
/// <see cref="Unknown"/> is refused with 550, as a real server refuses an address it does not have.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The messages received: the envelope's recipients and the raw message (headers and body).</summary>
    public ConcurrentQueue<(IReadOnlyList<string> To, string Data)> Received { get; } = new();

    public ConcurrentDictionary<string, bool> Unknown { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>While set, every connection is greeted with 421 and closed, as by a server that is overloaded or going down.</summary>
    public bool Busy { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            if (Busy)
            {
                await writer.WriteLineAsync("421 4.3.2 fake.smtp busy, try again later");
                return;
            }

            await writer.WriteLineAsync("220 fake.smtp ready");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 fake.smtp");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        if (Unknown.ContainsKey(address))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such user here");
                        }
                        else
                        {
                            recipients.Add(address);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Received.Enqueue((recipients.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK: queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }
}
