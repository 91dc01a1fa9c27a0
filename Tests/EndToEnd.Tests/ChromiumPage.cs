using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StyleForge.EndToEnd.Tests;

/// <summary>
/// Opens an HTML file in headless Chromium (Debian's chromium package) and asks the real page how
/// many of its images decoded, so a report is checked the way a user sees it, not by string matching.
/// </summary>
internal static partial class ChromiumPage
{
    private const string Probe = """
        <script>
        window.addEventListener("load", function () {
          var images = Array.prototype.slice.call(document.images);
          var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
          var marker = document.createElement("div");
          marker.id = "sf-probe";
          marker.textContent = "loaded " + loaded + " of " + images.length;
          document.body.appendChild(marker);
        });
        </script>
        """;

    /// <summary>Returns how many img elements loaded and how many there are, after the page's load event.</summary>
    public static (int Loaded, int Total) CountImages(string htmlPath)
    {
        // The probe goes into a sibling copy so relative image paths still resolve and the report itself stays untouched.
        var probePath = Path.Combine(Path.GetDirectoryName(htmlPath)!, ".probe-" + Path.GetFileName(htmlPath));
        var html = File.ReadAllText(htmlPath);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        File.WriteAllText(probePath, end < 0 ? html + Probe : html.Insert(end, Probe));
        try
        {
            var start = new ProcessStartInfo("chromium")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--virtual-time-budget=10000", "--dump-dom", new Uri(probePath).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Start(start);
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish rendering the report within two minutes");
            }
            var match = Marker().Match(dom);
            if (!match.Success)
            {
                throw new InvalidOperationException($"the page never fired its load event; chromium exit {process.ExitCode}: {stderr.Result[^Math.Min(2000, stderr.Result.Length)..]}");
            }
            return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
        }
        finally
        {
            File.Delete(probePath);
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("chromium is not on PATH; install Debian's 'chromium' package (apt-get install chromium)", ex);
        }
    }

    [GeneratedRegex("""id="sf-probe">loaded (\d+) of (\d+)<""")]
    private static partial Regex Marker();
}
