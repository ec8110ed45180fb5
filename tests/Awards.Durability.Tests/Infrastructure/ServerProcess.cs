using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>
/// The real site as a process of its own (<c>dotnet Awards.Web.dll</c> from the same build), on a
/// free port and the database in a <see cref="TestFolder"/>, in the Production environment and demo mode.
/// Killing it is a real SIGKILL: nothing in the site gets to run afterwards.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;

    /// <summary>
    /// Whether a client's request failed because the site is gone (killed or stopped). A connection
    /// begun as the process died can throw the socket's own exception, not wrapped by HttpClient.
    /// </summary>
    public static bool IsGone(Exception e) =>
        e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The site's Awards.Web.dll, built by the same build (Debug or Release) as these tests.</summary>
    public static string SiteDll
    {
        get
        {
            var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(Web.Infrastructure.AppPaths.Root, "src", "Awards.Web", "bin", configuration, "net10.0", "Awards.Web.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build the solution first");
            return path;
        }
    }

    public static async Task<ServerProcess> StartAsync(TestFolder folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(SiteDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiteDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var setting in folder.Settings)
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        await server.StartAsync();
        return server;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd stops a service: the host shuts down in order.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task StartAsync()
    {
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (ListeningPattern().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.Exited += (_, _) =>
        {
            // The output events may still be on their way: wait for the end of both streams first.
            _process.WaitForExit();
            listening.TrySetException(new InvalidOperationException("The site exited while starting:\n" + Output));
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            Address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The site did not start listening:\n" + Output);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
