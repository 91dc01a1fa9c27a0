using System.Globalization;

namespace StyleForge.Engine.Runs;

/// <summary>An append-only, timestamped log file in the run folder.</summary>
public sealed class RunLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    public RunLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public void Write(string level, string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {level} {message}"));
        }
    }

    public void Dispose() => _writer.Dispose();
}
