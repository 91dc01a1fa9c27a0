using System.Globalization;
using System.Text;

namespace StyleForge.Plugins.GanKit.Reporting;

/// <summary>
/// losses.csv: one row per iteration with the learning rate and every loss term, flushed as written
/// so a killed run keeps all finished rows. A resumed run drops the rows past its checkpoint (they
/// were trained again) and appends.
/// </summary>
internal sealed class LossLog : IDisposable
{
    public const string FileName = "losses.csv";

    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<string> _terms;

    private LossLog(StreamWriter writer, IReadOnlyList<string> terms)
    {
        _writer = writer;
        _terms = terms;
    }

    /// <summary>Opens the log in <paramref name="directory"/>, keeping rows up to <paramref name="keepThroughIteration"/> (0 starts afresh).</summary>
    public static LossLog Open(string directory, IReadOnlyList<string> terms, long keepThroughIteration)
    {
        var path = Path.Combine(directory, FileName);
        var header = "iteration,lr," + string.Join(',', terms);
        var kept = new List<string> { header };
        if (keepThroughIteration > 0 && File.Exists(path))
        {
            kept.AddRange(File.ReadLines(path).Skip(1).Where(line => IterationOf(line) is long n && n <= keepThroughIteration));
        }
        File.WriteAllLines(path, kept);
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        return new LossLog(writer, terms);
    }

    public void Append(long iteration, double learningRate, IReadOnlyDictionary<string, double> losses)
    {
        var line = new StringBuilder();
        line.Append(iteration.ToString(CultureInfo.InvariantCulture)).Append(',').Append(learningRate.ToString("G6", CultureInfo.InvariantCulture));
        foreach (var term in _terms)
        {
            line.Append(',').Append(losses[term].ToString("G7", CultureInfo.InvariantCulture));
        }
        _writer.WriteLine(line);
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The iteration column of a row, or null for a row a kill cut short.</summary>
    private static long? IterationOf(string line)
    {
        var comma = line.IndexOf(',');
        return comma > 0 && long.TryParse(line.AsSpan(0, comma), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
