using System.Collections.Concurrent;
using System.Diagnostics;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// Converts the planned files through three stages joined by bounded queues: decode (and alpha
/// fill) on a worker, inference on the calling thread (a stylizer is single-threaded), encode and
/// write on a worker. The queues hold one texture each, so I/O overlaps inference while memory
/// stays at a few textures however large the tree is.
/// </summary>
public sealed class ConversionRunner
{
    /// <summary>How often the manifest is saved during a run; a kill loses at most this much record, and those files are simply redone.</summary>
    private static readonly TimeSpan ManifestInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long a stop waits for the plugin to return from Stylize before leaving it behind.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    private readonly ConversionRequest _request;
    private readonly ConversionPlan _plan;
    private readonly OutputPathGuard _guard;
    private readonly Action<string> _warn;
    private readonly ConcurrentQueue<ConversionFailure> _failures = new();
    private readonly ConcurrentQueue<PlannedTexture> _unsupported = new();
    private readonly List<string> _converted = new();
    private readonly Stopwatch _clock = new();
    private IProgress<PluginProgress>? _progress;
    private int _total;
    private long _done;
    private long _pixelsDone;
    private string? _manifestProblem;

    /// <summary>The plugin's name, for failures: a plugin author must see whose result was refused.</summary>
    public string PluginName { get; init; } = "?";

    /// <summary>
    /// True when a stop came while the plugin was still inside Stylize and did not return: the
    /// stylizer is still in use on the inference thread, so the caller must not dispose it.
    /// </summary>
    public bool StylizerAbandoned { get; private set; }

    /// <summary>Adds the stack trace to a plugin's failure (--verbose).</summary>
    public bool StackTraces { get; init; }

    /// <summary>A runner for <paramref name="plan"/>; <paramref name="warn"/> is told when the manifest cannot be saved part-way or on a stop, and the run goes on.</summary>
    public ConversionRunner(ConversionRequest request, ConversionPlan plan, Action<string> warn)
    {
        _request = request;
        _plan = plan;
        _warn = warn;
        _guard = new OutputPathGuard(request.OutputRoot);
    }

    /// <summary>
    /// Runs the plan. The stylizer is created only when there is something to convert, so an
    /// up-to-date tree never loads the model; the caller disposes it. Throws
    /// <see cref="OperationCanceledException"/> after saving the manifest when cancelled.
    /// </summary>
    public ConversionSummary Run(Lazy<IStylizer> stylizer, IProgress<PluginProgress> progress, CancellationToken cancellation)
    {
        _clock.Start();
        Directory.CreateDirectory(_guard.Root);
        RemoveStaleTemporaryFiles();
        foreach (var refused in _plan.Textures.Where(t => t.Action == PlannedAction.Fail))
        {
            _failures.Enqueue(new(refused.RelativePath, refused.Reason));
        }
        _plan.Manifest.RecordNotConverted(_plan.Textures
            .Where(t => t.Action == PlannedAction.Unsupported || (t.Action == PlannedAction.Skip && t.Reason.StartsWith(ConversionPlanner.NotColourReason, StringComparison.Ordinal)))
            .ToDictionary(t => t.RelativePath, t => t.Reason, StringComparer.Ordinal));
        var work = _plan.ToConvert.ToList();
        _progress = progress;
        _total = work.Count;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var decoded = new BlockingCollection<DecodedJob>(boundedCapacity: 1);
        using var stylized = new BlockingCollection<StylizedJob>(boundedCapacity: 1);
        var decoder = Task.Run(() => DecodeAll(work, decoded, stop.Token));
        var encoder = Task.Run(() => EncodeAll(stylized, stop));
        // Inference runs on a thread of its own, and this one waits for it or for a stop: a plugin that
        // ignores cancellation (or hangs) must not keep Ctrl+C from saving the manifest.
        var inference = Task.Factory.StartNew(() => StylizeAll(stylizer, decoded, stylized, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            try
            {
                inference.Wait(cancellation);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }
        }
        catch
        {
            stop.Cancel();
            // A plugin that checks its token stops within this; one that does not is left behind.
            WaitQuietly(StopGrace, inference);
            StylizerAbandoned = !inference.IsCompleted;
            if (StylizerAbandoned)
            {
                _warn($"plugin '{PluginName}' did not stop within {StopGrace.TotalSeconds:0} s of being asked; the file it was on is left unconverted");
            }
            stylized.CompleteAdding();
            WaitQuietly(decoder, encoder);
            SaveManifest(warnNow: true);
            // A crashed writer cancels the other stages; report its error, not a cancellation nobody asked for.
            if (encoder.Exception?.InnerException is { } crash and not OperationCanceledException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(crash);
            }
            throw;
        }
        stylized.CompleteAdding();
        WaitQuietly(decoder, encoder);
        SaveManifest(warnNow: false);
        cancellation.ThrowIfCancellationRequested();
        // Surfaces a crash inside a worker stage rather than reporting a partial run as complete.
        Task.WaitAll(decoder, encoder);
        _clock.Stop();
        return new ConversionSummary(_converted.Order(StringComparer.Ordinal).ToList(),
            _plan.Textures.Where(t => t.Action == PlannedAction.Skip).ToList(),
            _failures.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList(),
            _plan.NotSelected, _plan.OtherShards, _pixelsDone / 1e6, _clock.Elapsed.TotalSeconds)
        {
            Unsupported = _plan.Textures.Where(t => t.Action == PlannedAction.Unsupported).Concat(_unsupported)
                .OrderBy(t => t.RelativePath, StringComparer.Ordinal).ToList(),
            ManifestProblem = _manifestProblem,
        };
    }

    private void StylizeAll(Lazy<IStylizer> stylizer, BlockingCollection<DecodedJob> decoded, BlockingCollection<StylizedJob> stylized, CancellationToken cancellation)
    {
        foreach (var job in decoded.GetConsumingEnumerable(cancellation))
        {
            var result = Stylize(stylizer.Value, job, cancellation);
            if (result is null)
            {
                Finish(0);
                continue;
            }
            // The filled RGB input is not carried on: at 4096 x 4096 it is 192 MiB the writer does not need.
            stylized.Add(new StylizedJob(job.Texture, job.Layout, job.Alpha, job.Entry, result), cancellation);
        }
    }

    private void DecodeAll(List<PlannedTexture> work, BlockingCollection<DecodedJob> decoded, CancellationToken cancellation)
    {
        try
        {
            foreach (var texture in work)
            {
                cancellation.ThrowIfCancellationRequested();
                var job = Decode(texture);
                if (job is null)
                {
                    Finish(0);
                    continue;
                }
                decoded.Add(job, cancellation);
            }
        }
        finally
        {
            decoded.CompleteAdding();
        }
    }

    private DecodedJob? Decode(PlannedTexture texture)
    {
        try
        {
            var info = new FileInfo(texture.SourcePath);
            var bytes = File.ReadAllBytes(texture.SourcePath);
            var source = TextureCodec.Read(texture.SourcePath, bytes, _request.MaxPixels);
            var layout = _request.Output.Apply(source.Layout, _request.Mips, source.Pixels.Width, source.Pixels.Height);
            if (source.Layout.WriteProblem is not null)
            {
                // Found before inference: no point stylizing what cannot be written back faithfully. A kind of file StyleForge
                // does not handle is listed like a format it does not read, not failed (docs/convert.md, "Files that are not converted").
                LeaveUnsupported(texture, $"{ConversionPlanner.UnsupportedReason} ({source.Layout.WriteProblem})");
                return null;
            }
            if (layout.WriteProblem is not null)
            {
                // The asked-for output format cannot hold this texture: that is the request's problem, so the file fails.
                Fail(texture, $"{texture.SourcePath}: {layout.WriteProblem}");
                return null;
            }
            var rgb = ChannelLayouts.ToRgb(source.Pixels);
            // Only the alpha plane is kept from the source: the full RGBA floats (256 MiB at 4096 x 4096) are not needed after this.
            var alpha = ChannelLayouts.AlphaOf(source.Pixels);
            if (alpha is not null)
            {
                AlphaFill.FillTransparent(rgb, alpha);
            }
            var entry = new ManifestEntry(ContentHash.OfBytes(bytes), info.Length, info.LastWriteTimeUtc, _plan.ModelHash, _plan.OptionsHash, DateTime.MinValue)
            {
                MapType = texture.MapType,
            };
            return new DecodedJob(texture, layout, rgb, alpha, entry);
        }
        catch (InvalidDataException ex) when (UnsupportedTextureFormat.Is(ex))
        {
            // A well-formed file of a kind StyleForge does not convert yet (a DDS cube map, BC6H): listed, not failed.
            var detail = ex.Message.StartsWith(texture.SourcePath + ": ", StringComparison.Ordinal) ? ex.Message[(texture.SourcePath.Length + 2)..] : ex.Message;
            LeaveUnsupported(texture, $"{ConversionPlanner.UnsupportedReason} ({detail})");
            return null;
        }
        catch (InvalidDataException ex) when (ex.InnerException is NotSupportedException unsupported)
        {
            // ImageSharp's word for a well-formed file using a feature it lacks (a gray+alpha TIFF), as opposed to damaged data.
            LeaveUnsupported(texture, $"{ConversionPlanner.UnsupportedReason} (the decoder does not support this file: {unsupported.Message})");
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Fail(texture, ex.Message.StartsWith(texture.SourcePath, StringComparison.Ordinal) ? ex.Message : $"{texture.SourcePath}: {ex.Message}");
            return null;
        }
    }

    private TextureBuffer? Stylize(IStylizer stylizer, DecodedJob job, CancellationToken cancellation)
    {
        var plugin = $"plugin '{PluginName}'";
        try
        {
            var result = stylizer.Stylize(job.Rgb, _request.StylizeSettings, cancellation);
            var problem = StylizedResultCheck.Problem(result, job.Rgb);
            if (problem is not null)
            {
                Fail(job.Texture, $"{job.Texture.SourcePath}: {plugin} {problem}");
                return null;
            }
            return result;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One texture the plugin cannot handle (too large for memory, a plugin bug) must not sink the batch.
            var message = ex is PluginException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            Fail(job.Texture, $"{job.Texture.SourcePath}: {plugin} failed: {message}" + (StackTraces ? $"\n{ex}" : ""));
            return null;
        }
    }

    private void EncodeAll(BlockingCollection<StylizedJob> stylized, CancellationTokenSource stop)
    {
        try
        {
            EncodeEach(stylized, stop.Token);
        }
        catch
        {
            // Unblocks the inference loop, which would otherwise wait forever to hand over its next texture.
            stop.Cancel();
            throw;
        }
    }

    private void EncodeEach(BlockingCollection<StylizedJob> stylized, CancellationToken cancellation)
    {
        var lastSave = Stopwatch.StartNew();
        foreach (var job in stylized.GetConsumingEnumerable(CancellationToken.None))
        {
            var texture = job.Texture;
            try
            {
                var layout = job.Layout;
                var pixels = ChannelLayouts.Compose(job.Result, job.Alpha, layout.Channels);
                // Resolved again at write time: a link planted after planning must not redirect the write.
                var output = _guard.Resolve(_request.Output.OutputRelativePath(texture.RelativePath));
                AtomicFile.Write(output, stream => TextureCodec.Write(pixels, layout, stream));
                lock (_converted)
                {
                    _converted.Add(texture.RelativePath);
                    _plan.Manifest.Record(texture.RelativePath, job.Entry with { ConvertedUtc = DateTime.UtcNow });
                }
                Finish((long)pixels.Width * pixels.Height);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                Fail(texture, $"{texture.OutputPath}: cannot write: {ex.Message}");
                Finish(0);
            }
            if (lastSave.Elapsed > ManifestInterval && !cancellation.IsCancellationRequested)
            {
                SaveManifest(warnNow: true);
                lastSave.Restart();
            }
        }
    }

    private void Fail(PlannedTexture texture, string reason) => _failures.Enqueue(new(texture.RelativePath, reason));

    private void LeaveUnsupported(PlannedTexture texture, string reason)
    {
        _unsupported.Enqueue(texture with { Action = PlannedAction.Unsupported, Reason = reason });
        lock (_converted)
        {
            _plan.Manifest.NoteNotConverted(texture.RelativePath, reason);
        }
    }

    /// <summary>Counts one file as finished, converted or failed, and reports progress.</summary>
    private void Finish(long pixels)
    {
        var done = Interlocked.Increment(ref _done);
        var megapixels = Interlocked.Add(ref _pixelsDone, pixels) / 1e6;
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        _progress?.Report(new PluginProgress("files", done, _total, new Dictionary<string, double>
        {
            ["mpx_per_s"] = megapixels / seconds,
            ["failed"] = _failures.Count,
        }));
    }

    /// <summary>
    /// Saves the manifest; a failure (disk full, read-only folder) is a warning, not the end of the run:
    /// the converted files are complete, only their record is missing, so the next run redoes them.
    /// The warning comes at once (<paramref name="warnNow"/>, once per new reason) or, for the last save
    /// of a finished run, through the summary.
    /// </summary>
    private void SaveManifest(bool warnNow)
    {
        lock (_converted)
        {
            try
            {
                _plan.Manifest.Save(_guard.Root, _request.Shard, path => _request.Shard.Contains(path));
                _manifestProblem = null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var problem = $"{Path.Combine(_guard.Root, ConversionManifest.FileName(_request.Shard))}: cannot save the manifest ({ex.Message}); "
                    + "the files converted by this run are kept but not recorded, so the next run converts them again";
                if (warnNow && problem != _manifestProblem)
                {
                    _warn(problem);
                }
                _manifestProblem = problem;
            }
        }
    }

    /// <summary>
    /// Deletes temporary files a killed run left behind. Under sharding only this shard's own, since
    /// another shard may be writing its temporaries into the same tree right now.
    /// </summary>
    private void RemoveStaleTemporaryFiles()
    {
        foreach (var temporary in Directory.EnumerateFiles(_guard.Root, "*" + AtomicFile.TemporarySuffix, SearchOption.AllDirectories))
        {
            var target = Path.GetRelativePath(_guard.Root, temporary[..^AtomicFile.TemporarySuffix.Length]).Replace('\\', '/');
            var ours = ConversionManifest.IsManifestFile(target)
                ? target == ConversionManifest.FileName(_request.Shard)
                : _request.Shard.Contains(target);
            if (ours)
            {
                File.Delete(temporary);
            }
        }
    }

    private static void WaitQuietly(TimeSpan limit, Task task)
    {
        try
        {
            task.Wait(limit);
        }
        catch (AggregateException)
        {
            // Its own failure was already taken by the caller, or it was cancelled.
        }
    }

    private static void WaitQuietly(params Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Rethrown after the manifest is saved, by the second wait in Run.
        }
    }

    private sealed record DecodedJob(PlannedTexture Texture, TextureLayout Layout, TextureBuffer Rgb, float[]? Alpha, ManifestEntry Entry);

    private sealed record StylizedJob(PlannedTexture Texture, TextureLayout Layout, float[]? Alpha, ManifestEntry Entry, TextureBuffer Result);
}
