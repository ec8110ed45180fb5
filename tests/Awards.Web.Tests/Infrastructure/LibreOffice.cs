using System.Diagnostics;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>LibreOffice, when installed (scripts/test.sh installs it), prints documents to PDF: a second reader besides the validator.</summary>
public static class LibreOffice
{
    public const string Soffice = "/usr/bin/soffice";

    public const string PdfToText = "/usr/bin/pdftotext";

    public static bool IsInstalled => File.Exists(Soffice) && File.Exists(PdfToText);

    /// <summary>Converts the file to PDF next to it (a private profile, so parallel runs do not collide) and returns the PDF's text.</summary>
    public static string ConvertToPdfText(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        var profile = Path.Combine(Path.GetTempPath(), "awards-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(Soffice, $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir \"{folder}\" \"{file}\"", 180);
            var pdf = Path.ChangeExtension(file, ".pdf");
            Assert.True(File.Exists(pdf) && new FileInfo(pdf).Length > 1000, $"LibreOffice made no PDF of {file}");
            Run(PdfToText, $"-layout \"{pdf}\" \"{pdf}.txt\"", 60);
            return File.ReadAllText(pdf + ".txt");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Run(string program, string arguments, int seconds)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(seconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in {seconds} s");
        }

        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {output.Result} {error.Result}");
    }
}
