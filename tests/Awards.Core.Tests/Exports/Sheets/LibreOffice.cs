using System.Diagnostics;

namespace Awards.Core.Tests.Exports.Sheets;

/// <summary>Converts documents with LibreOffice when it is installed, in a private profile so runs do not collide.</summary>
internal static class LibreOffice
{
    private const string Soffice = "/usr/bin/soffice";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Converts <paramref name="file"/> to PDF in <paramref name="outputDirectory"/> and returns
    /// the PDF's path, or null when LibreOffice is not installed. Throws when soffice fails or
    /// takes longer than 120 s.
    /// </summary>
    public static string? TryConvertToPdf(string file, string outputDirectory)
    {
        if (!File.Exists(Soffice))
        {
            return null;
        }

        var profile = Path.Combine(Path.GetTempPath(), "awards-lo-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Soffice)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-env:UserInstallation=" + new Uri(profile).AbsoluteUri,
            "--headless", "--convert-to", "pdf", "--outdir", outputDirectory, file,
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"soffice did not finish within {Timeout.TotalSeconds} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"soffice exited with {process.ExitCode}: {stdout.Result} {stderr.Result}");
            }

            return Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(file) + ".pdf");
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }
}
