using System.Globalization;

namespace StyleForge.Plugins.GanKit.Reporting;

/// <summary>losses.png: every loss column of losses.csv against the iteration, drawn with ScottPlot.</summary>
internal static class LossPlot
{
    public const string FileName = "losses.png";

    // Curves from single iterations are noisy; a moving average over this many rows shows the trend.
    private const int SmoothingWindow = 25;

    /// <summary>Draws the loss curves of <paramref name="csvPath"/> into <paramref name="pngPath"/>, titled with <paramref name="method"/>, replacing it by a rename.</summary>
    public static void Write(string csvPath, string pngPath, string method)
    {
        // The loss log keeps the file open for writing during training. File.ReadLines shares for reading only,
        // which Windows refuses while a writer holds the file ("being used by another process"); Linux has no such lock.
        var rows = new List<string>();
        using (var reader = new StreamReader(new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
        {
            while (reader.ReadLine() is { } line)
            {
                rows.Add(line);
            }
        }
        if (rows.Count < 2)
        {
            return;
        }
        var header = rows[0].Split(',');
        var values = rows.Skip(1).Select(r => r.Split(',')).Where(r => r.Length == header.Length)
            .Select(r => r.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var iterations = values.Select(v => v[0]).ToArray();
        var plot = new ScottPlot.Plot();
        // Column 0 is the iteration, column 1 the learning rate; the rest are loss terms.
        for (var column = 2; column < header.Length; column++)
        {
            var curve = plot.Add.ScatterLine(iterations, Smooth(values.Select(v => v[column]).ToArray()));
            curve.LegendText = header[column];
        }
        plot.Title($"{method} losses (moving average of {SmoothingWindow} iterations)");
        plot.XLabel("iteration");
        plot.YLabel("loss");
        plot.ShowLegend();
        var temporary = pngPath + ".tmp.png";
        plot.SavePng(temporary, 1200, 700);
        File.Move(temporary, pngPath, overwrite: true);
    }

    private static double[] Smooth(double[] series)
    {
        var smoothed = new double[series.Length];
        var sum = 0.0;
        for (var i = 0; i < series.Length; i++)
        {
            sum += series[i];
            if (i >= SmoothingWindow)
            {
                sum -= series[i - SmoothingWindow];
            }
            smoothed[i] = sum / Math.Min(i + 1, SmoothingWindow);
        }
        return smoothed;
    }
}
