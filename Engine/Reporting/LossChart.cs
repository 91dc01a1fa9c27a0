using System.Globalization;
using System.Text;

namespace StyleForge.Engine.Reporting;

/// <summary>
/// Draws a losses.csv (a header row, the iteration in the first column, one loss per further column,
/// an optional lr column left out)
/// as an inline SVG line chart, smoothed with a moving average so trends show through per-iteration noise.
/// </summary>
public static class LossChart
{
    private const int Width = 720;
    private const int Height = 300;
    private const int Margin = 40;
    private static readonly string[] Palette = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

    /// <summary>The SVG markup, or null when the file holds no numeric rows.</summary>
    public static string? Render(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count < 2)
        {
            return null;
        }
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var rows = lines.Skip(1)
            .Select(l => l.Split(',').Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray())
            .Where(r => r.Length == header.Length && double.IsFinite(r[0]))
            .ToList();
        if (rows.Count == 0 || header.Length < 2)
        {
            return null;
        }
        var window = Math.Max(1, rows.Count / 50);
        // The learning rate is logged beside the losses but is on another scale; it would flatten them.
        var series = Enumerable.Range(1, header.Length - 1)
            .Where(c => !string.Equals(header[c], "lr", StringComparison.OrdinalIgnoreCase))
            .Select(c => (Name: header[c], Points: Smooth(rows.Select(r => (X: r[0], Y: r[c])).Where(p => double.IsFinite(p.Y)).ToList(), window)))
            .Where(s => s.Points.Count > 0)
            .ToList();
        if (series.Count == 0)
        {
            return null;
        }
        var minX = rows.Min(r => r[0]);
        var maxX = Math.Max(minX + 1, rows.Max(r => r[0]));
        var maxY = Math.Max(1e-9, series.SelectMany(s => s.Points).Max(p => p.Y));
        string Px(double x) => (Margin + (x - minX) / (maxX - minX) * (Width - 2 * Margin)).ToString("0.0", CultureInfo.InvariantCulture);
        string Py(double y) => (Height - Margin - Math.Max(0, y) / maxY * (Height - 2 * Margin)).ToString("0.0", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" class=\"chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Height - 12}\" font-size=\"11\">iteration {minX:0} to {maxX:0}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Margin - 8}\" font-size=\"11\">max {maxY:0.###}</text>");
        for (var i = 0; i < series.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var points = string.Join(" ", series[i].Points.Select(p => $"{Px(p.X)},{Py(p.Y)}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Margin + 4 - 120}\" y=\"{Margin + 14 * i}\" font-size=\"11\" fill=\"{color}\">{System.Net.WebUtility.HtmlEncode(series[i].Name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static List<(double X, double Y)> Smooth(List<(double X, double Y)> points, int window)
    {
        var smoothed = new List<(double X, double Y)>();
        for (var i = 0; i + window <= points.Count; i += window)
        {
            var chunk = points.Skip(i).Take(window).ToList();
            smoothed.Add((chunk.Average(p => p.X), chunk.Average(p => p.Y)));
        }
        return smoothed;
    }
}
