using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StyleForge.Plugins;

namespace StyleForge.Host.Terminal;

/// <summary>
/// Draws plugin progress: a live bar with rate and ETA on a terminal, and a throttled line log
/// when stderr is redirected (CI, files), so logs stay readable.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    public static T Run<T>(HostConsole console, string title, Func<IProgress<PluginProgress>, T> work)
    {
        if (!console.Error.Profile.Capabilities.Interactive)
        {
            return work(new LineProgress(console, title));
        }
        T result = default!;
        console.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                var stopwatch = Stopwatch.StartNew();
                result = work(new Progress(task, title, stopwatch));
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static string FormatValues(PluginProgress report) =>
        string.Join(" ", report.Values.Select(v => $"{v.Key}={v.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));

    /// <summary>Synchronous on purpose: a queued callback could arrive after the bar closed. Reports may come from several threads.</summary>
    private sealed class Progress : IProgress<PluginProgress>
    {
        private readonly ProgressTask _task;
        private readonly string _title;
        private readonly Stopwatch _stopwatch;

        public Progress(ProgressTask task, string title, Stopwatch stopwatch)
        {
            _task = task;
            _title = title;
            _stopwatch = stopwatch;
        }

        public void Report(PluginProgress value)
        {
            lock (_task)
            {
                Update(value);
            }
        }

        private void Update(PluginProgress value)
        {
            _task.MaxValue = Math.Max(1, value.Total);
            _task.Value = Math.Min(value.Current, value.Total);
            var rate = value.Current / Math.Max(_stopwatch.Elapsed.TotalSeconds, 1e-3);
            var values = FormatValues(value);
            _task.Description = Markup.Escape(
                $"{_title} {value.Stage} {value.Current}/{value.Total} {rate.ToString("0.00", CultureInfo.InvariantCulture)}/s {values}".TrimEnd());
        }
    }

    private sealed class LineProgress : IProgress<PluginProgress>
    {
        private readonly HostConsole _console;
        private readonly string _title;
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private readonly object _gate = new();
        private TimeSpan? _last;

        public LineProgress(HostConsole console, string title)
        {
            _console = console;
            _title = title;
        }

        public void Report(PluginProgress value)
        {
            var now = _stopwatch.Elapsed;
            var finished = value.Current >= value.Total;
            lock (_gate)
            {
                if (!finished && _last is { } last && now - last < LineInterval)
                {
                    return;
                }
                _last = now;
            }
            var rate = value.Current / Math.Max(now.TotalSeconds, 1e-3);
            var eta = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Current) / rate) : TimeSpan.Zero;
            _console.Info(string.Create(CultureInfo.InvariantCulture,
                $"{_title} {value.Stage} {value.Current}/{value.Total} {rate:0.00}/s eta {eta:hh\\:mm\\:ss} {FormatValues(value)}").TrimEnd());
        }
    }
}
