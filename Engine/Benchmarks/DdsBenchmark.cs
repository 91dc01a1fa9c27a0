using System.Diagnostics;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using StyleForge.Engine.Textures.Bcn;
using StyleForge.Engine.Textures.Dds;

namespace StyleForge.Engine.Benchmarks;

/// <summary>What <c>styleforge bench dds</c> measures.</summary>
/// <param name="Sources">Texture folders, or "archive.zip:prefix".</param>
/// <param name="PerSource">Images taken from each source, in path order.</param>
/// <param name="LargeSide">Side of the square BC7 quality timing (4096 in the issue's target); 0 skips it.</param>
/// <param name="Reference">Whether to run nvcompress on the same images.</param>
/// <param name="Encoders">Only these encoders ("bc1_fast", "bc7_quality", ...), or null for all; a target whose
/// encoder was not run is reported as null.</param>
public sealed record DdsBenchmarkRequest(IReadOnlyList<string> Sources, int PerSource, int LargeSide, bool Reference,
    IReadOnlyList<string>? Encoders = null)
{
    /// <summary>Every encoder name the benchmark knows, in the order it runs them.</summary>
    public static IReadOnlyList<string> AllEncoders { get; } = DdsBenchmark.EncoderNames();
}

/// <summary>
/// Encodes real textures with each BCn encoder and mode, decodes them again, and reports RGB PSNR against the source
/// and megapixels per second (all cores: the codec runs block rows in parallel). nvcompress (NVIDIA Texture Tools 2.0)
/// runs on the same images in the same run as the BC1 reference; its time includes its process start and PNG decode.
/// </summary>
public static class DdsBenchmark
{
    private static readonly (BcFormat Format, int Channels)[] Formats =
    {
        (BcFormat.Bc1, 3), (BcFormat.Bc3, 3), (BcFormat.Bc4, 1), (BcFormat.Bc5, 2), (BcFormat.Bc7, 3),
    };

    public static string Run(DdsBenchmarkRequest request, Action<string> log, CancellationToken cancellation)
    {
        var images = DdsBenchmarkImages.Load(request.Sources, request.PerSource);
        if (images.Count == 0)
        {
            throw new InvalidDataException($"no images of at least 64x64 under {string.Join(", ", request.Sources)}");
        }
        var megapixels = images.Sum(i => (double)i.Width * i.Height) / 1e6;
        log($"bench dds: {images.Count} images, {megapixels:F1} MP");
        var results = new List<object>();
        var psnr = new Dictionary<string, double>();
        var speed = new Dictionary<string, double>();
        foreach (var (format, channels) in Formats)
        {
            foreach (var quality in new[] { BcQuality.Fast, BcQuality.Quality })
            {
                cancellation.ThrowIfCancellationRequested();
                var key = Key(format, quality);
                if (request.Encoders is not null && !request.Encoders.Contains(key))
                {
                    continue;
                }
                // Untimed passes first, long enough for tiered compilation to reach the optimised encoder.
                var warmUp = Stopwatch.StartNew();
                do
                {
                    BlockCodec.Decode(format, BlockCodec.Encode(format, images[0].Rgba.AsSpan(0, 64 * 16 * 4), 64, 16, quality), 64, 16);
                }
                while (warmUp.ElapsedMilliseconds < 1000);
                var seconds = 0.0;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var scores = new List<double>();
                foreach (var image in images)
                {
                    var watch = Stopwatch.StartNew();
                    var blocks = BlockCodec.Encode(format, image.Rgba, image.Width, image.Height, quality);
                    seconds += watch.Elapsed.TotalSeconds;
                    scores.Add(Psnr(image.Rgba, BlockCodec.Decode(format, blocks, image.Width, image.Height), channels));
                }
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                psnr[key] = scores.Average();
                speed[key] = megapixels / seconds;
                log($"  {key}: {psnr[key]:F2} dB, {speed[key]:F2} MP/s");
                results.Add(new
                {
                    format = format.ToString().ToLowerInvariant(),
                    mode = quality.ToString().ToLowerInvariant(),
                    psnr_channels = channels == 3 ? "rgb" : channels == 2 ? "rg" : "r",
                    psnr_mean_db = Math.Round(psnr[key], 3),
                    psnr_min_db = Math.Round(scores.Min(), 3),
                    seconds = Math.Round(seconds, 3),
                    megapixels_per_second = Math.Round(speed[key], 3),
                    // CPU time includes decoding for the PSNR; on a shared machine it shows what wall time cannot.
                    cpu_seconds_with_decode = Math.Round(cpuSeconds, 3),
                });
            }
        }
        var reference = request.Reference ? NvCompress(images, megapixels, log, cancellation) : null;
        object? large = null;
        if (request.LargeSide > 0)
        {
            large = LargeBc7(images, request.LargeSide, log);
        }
        var nvQuality = reference?.FirstOrDefault(r => r.Mode == "normal");
        double? MeanPsnr(string key) => psnr.TryGetValue(key, out var value) ? value : null;
        double? SpeedOf(string key) => speed.TryGetValue(key, out var value) ? value : null;
        var bc1Quality = MeanPsnr("bc1_quality");
        var bc7Quality = MeanPsnr("bc7_quality");
        return JsonSerializer.Serialize(new
        {
            benchmark = "dds",
            cores = Environment.ProcessorCount,
            images = images.Count,
            megapixels = Math.Round(megapixels, 3),
            sources = request.Sources,
            alpha = "set opaque; PSNR over the channels each format stores",
            results,
            nvcompress = reference?.Select(r => new { format = "bc1", mode = r.Mode, psnr_mean_db = Math.Round(r.Psnr, 3), seconds = Math.Round(r.Seconds, 3), megapixels_per_second = Math.Round(megapixels / r.Seconds, 3) }),
            large_bc7_quality = large,
            targets = new
            {
                bc1_quality_minus_nvcompress_db = nvQuality is null || bc1Quality is null ? (double?)null : Math.Round(bc1Quality.Value - nvQuality.Psnr, 3),
                bc1_quality_within_0_3_db_of_nvcompress = nvQuality is null || bc1Quality is null ? (bool?)null : bc1Quality >= nvQuality.Psnr - 0.3,
                bc7_quality_at_least_42_db = bc7Quality >= 42 ? true : bc7Quality is null ? (bool?)null : false,
                bc7_quality_minus_bc1_quality_db = bc7Quality - bc1Quality is { } gap ? Math.Round(gap, 3) : (double?)null,
                bc7_quality_at_least_5_db_above_bc1 = bc7Quality - bc1Quality is { } margin ? margin >= 5 : (bool?)null,
                bc1_fast_at_least_20_mp_per_s = SpeedOf("bc1_fast") is { } bc1Fast ? bc1Fast >= 20 : (bool?)null,
                bc7_fast_at_least_2_mp_per_s = SpeedOf("bc7_fast") is { } bc7Fast ? bc7Fast >= 2 : (bool?)null,
            },
        }, JsonOptions.Indented);
    }

    private sealed record Reference(string Mode, double Psnr, double Seconds);

    private static string Key(BcFormat format, BcQuality quality) =>
        $"{format.ToString().ToLowerInvariant()}_{quality.ToString().ToLowerInvariant()}";

    internal static IReadOnlyList<string> EncoderNames() =>
        Formats.SelectMany(f => new[] { Key(f.Format, BcQuality.Fast), Key(f.Format, BcQuality.Quality) }).ToArray();

    /// <summary>nvcompress -bc1 in its normal and -fast modes, without mips, each output decoded by our (nvtt-checked) decoder.</summary>
    private static List<Reference> NvCompress(List<DdsBenchmarkImage> images, double megapixels, Action<string> log, CancellationToken cancellation)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"styleforge-bench-dds-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        try
        {
            var pngs = new List<string>();
            for (var i = 0; i < images.Count; i++)
            {
                var png = Path.Combine(scratch, $"{i}.png");
                using var image = Image.LoadPixelData<Rgba32>(images[i].Rgba, images[i].Width, images[i].Height);
                image.SaveAsPng(png);
                pngs.Add(png);
            }
            var references = new List<Reference>();
            foreach (var mode in new[] { "normal", "fast" })
            {
                var seconds = 0.0;
                var scores = new List<double>();
                for (var i = 0; i < images.Count; i++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var dds = Path.Combine(scratch, $"{i}-{mode}.dds");
                    var arguments = mode == "fast" ? new[] { "-bc1", "-fast", "-nomips", pngs[i], dds } : new[] { "-bc1", "-nomips", pngs[i], dds };
                    var watch = Stopwatch.StartNew();
                    using (var process = Process.Start(new ProcessStartInfo("nvcompress", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                        ?? throw new InvalidOperationException("cannot start nvcompress"))
                    {
                        var output = process.StandardOutput.ReadToEndAsync();
                        var error = process.StandardError.ReadToEnd();
                        process.WaitForExit();
                        if (process.ExitCode != 0)
                        {
                            throw new InvalidOperationException($"nvcompress failed on {images[i].Name} ({process.ExitCode}): {error}{output.Result}");
                        }
                    }
                    seconds += watch.Elapsed.TotalSeconds;
                    var content = File.ReadAllBytes(dds);
                    scores.Add(Psnr(images[i].Rgba, DdsFile.Parse(dds, content).DecodeTop(content), 3));
                }
                references.Add(new Reference(mode, scores.Average(), seconds));
                log($"  nvcompress bc1 {mode}: {scores.Average():F2} dB, {megapixels / seconds:F2} MP/s");
            }
            return references;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            log("  nvcompress not found (apt-get install libnvtt-bin); no reference figures");
            return new List<Reference>();
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// BC7 quality on one large square texture (the issue's 4096² under 60 s target): a mosaic of the benchmark images
    /// side by side, row by row, repeated until the square is full, so it holds as much detail as the set.
    /// </summary>
    private static object LargeBc7(List<DdsBenchmarkImage> images, int side, Action<string> log)
    {
        var rgba = new byte[(long)side * side * 4];
        int x0 = 0, y0 = 0, rowHeight = 0, next = 0;
        while (y0 < side)
        {
            var image = images[next++ % images.Count];
            var width = Math.Min(image.Width, side - x0);
            var height = Math.Min(image.Height, side - y0);
            for (var y = 0; y < height; y++)
            {
                Array.Copy(image.Rgba, (long)y * image.Width * 4, rgba, ((long)(y0 + y) * side + x0) * 4, width * 4);
            }
            rowHeight = Math.Max(rowHeight, height);
            x0 += width;
            if (x0 >= side)
            {
                (x0, y0, rowHeight) = (0, y0 + rowHeight, 0);
            }
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var blocks = BlockCodec.Encode(BcFormat.Bc7, rgba, side, side, BcQuality.Quality);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var psnr = Psnr(rgba, BlockCodec.Decode(BcFormat.Bc7, blocks, side, side), 3);
        log($"  bc7 quality {side}x{side}: {seconds:F1} s");
        return new { side, content = "mosaic of the benchmark images", seconds = Math.Round(seconds, 2), cpu_seconds = Math.Round(cpuSeconds, 2), psnr_db = Math.Round(psnr, 3), under_60_s = seconds < 60 };
    }

    /// <summary>PSNR in dB over the first <paramref name="channels"/> channels of two RGBA images.</summary>
    public static double Psnr(byte[] a, byte[] b, int channels)
    {
        double sum = 0;
        for (var p = 0; p < a.Length; p += 4)
        {
            for (var c = 0; c < channels; c++)
            {
                var d = a[p + c] - b[p + c];
                sum += d * d;
            }
        }
        var mse = sum / (a.Length / 4 * channels);
        return mse == 0 ? 99 : 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
