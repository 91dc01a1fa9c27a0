using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace StyleForge.Plugins.Onnx;

/// <summary>
/// One ONNX image-to-image model in an ONNX Runtime session, with the conventions it declares in its metadata
/// properties (docs/export.md) or the options give: value range, size multiple, padding, direction.
/// </summary>
internal sealed class OnnxImageModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxImageModel(InferenceSession session, string path, string inputName, string outputName, bool zeroToOne, int sizeMultiple,
        string? padding, string? direction, double workingScale)
    {
        _session = session;
        Path = path;
        InputName = inputName;
        OutputName = outputName;
        ZeroToOne = zeroToOne;
        SizeMultiple = sizeMultiple;
        Padding = padding;
        Direction = direction;
        WorkingScale = workingScale;
    }

    public string Path { get; }

    public string InputName { get; }

    public string OutputName { get; }

    /// <summary>True when the model takes and returns [0, 1]; otherwise [-1, 1].</summary>
    public bool ZeroToOne { get; }

    /// <summary>Each side fed to the model is padded to a multiple of this.</summary>
    public int SizeMultiple { get; }

    /// <summary>The model's own border handling from its metadata: "reflect", "circular", or null when it does not say.</summary>
    public string? Padding { get; }

    /// <summary>"a2b" or "b2a" from the metadata, or null when the model does not say.</summary>
    public string? Direction { get; }

    /// <summary>
    /// The scale the model works at (metadata working_scale, in (0, 1], 1 when it does not say): textures are shrunk by it
    /// before the model runs and the result is resized back, as the training plugins convert.
    /// </summary>
    public double WorkingScale { get; }

    public static OnnxImageModel Open(OptionValues options, IPluginContext context)
    {
        var path = System.IO.Path.GetFullPath(options.GetText(OnnxOptions.Model));
        if (!File.Exists(path))
        {
            throw new PluginException($"model file not found: {path}; --set model= names an .onnx file.");
        }
        var threads = (int)options.GetInteger(OnnxOptions.Threads);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var spinning = SpinningPays();
        // ONNX Runtime's threads spin between operators by default: faster on an idle machine, far slower on a busy
        // one, where a spinning thread burns the time slice its preempted partner needs (as the cyclegan plugin measured
        // for OpenMP, docs/benchmarks.md).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new PluginException($"{path} is not a model ONNX Runtime can load: {ex.Message}", ex);
        }
        try
        {
            var model = Describe(session, path, options, context);
            context.Log.Info($"onnx: {sessionOptions.IntraOpNumThreads} threads, {(spinning ? "spinning between operators (idle machine)" : "waiting passively between operators (busy machine)")}");
            return model;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>True when the machine looks idle (1-minute load average under one core); true where it cannot be read.</summary>
    private static bool SpinningPays()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) || load < 1.0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static OnnxImageModel Describe(InferenceSession session, string path, OptionValues options, IPluginContext context)
    {
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count < 1)
        {
            throw new PluginException($"{path} has {session.InputMetadata.Count} inputs; an image-to-image model has one input image (NCHW, 3 channels).");
        }
        var (inputName, input) = session.InputMetadata.First();
        var (outputName, output) = session.OutputMetadata.First();
        CheckImage(path, "input", inputName, input);
        CheckImage(path, "output", outputName, output);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        var range = options.GetText(OnnxOptions.Range);
        bool zeroToOne;
        if (range == "auto")
        {
            var declared = metadata.GetValueOrDefault("normalization")?.Replace(" ", "", StringComparison.Ordinal);
            zeroToOne = declared switch
            {
                null or "[-1,1]" => false,
                "[0,1]" => true,
                _ => throw new PluginException($"{path}: metadata normalization '{declared}' is neither [-1,1] nor [0,1]; set range=minus_one_to_one or range=zero_to_one."),
            };
        }
        else
        {
            zeroToOne = range == "zero_to_one";
        }
        var multiple = (int)options.GetInteger(OnnxOptions.SizeMultiple);
        if (multiple == 0)
        {
            multiple = metadata.TryGetValue("size_multiple", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 256 ? m : 1;
        }
        var padding = metadata.GetValueOrDefault("padding");
        var direction = metadata.GetValueOrDefault("direction");
        var workingScale = 1.0;
        if (metadata.TryGetValue("working_scale", out var scaleText)
            && !(double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out workingScale) && workingScale > 0 && workingScale <= 1))
        {
            throw new PluginException($"{path}: metadata working_scale '{scaleText}' is not a number in (0, 1]; export the model again.");
        }
        context.Log.Info($"onnx: {path}, {(zeroToOne ? "[0,1]" : "[-1,1]")} values, sides padded to a multiple of {multiple}, " +
            $"{padding ?? "undeclared"} borders{(direction is null ? "" : $", {direction}")}" +
            (workingScale == 1 ? "" : $", works at scale {scaleText} (textures are shrunk by it and the result resized back)"));
        return new OnnxImageModel(session, path, inputName, outputName, zeroToOne, multiple, padding, direction, workingScale);
    }

    private static void CheckImage(string path, string role, string name, NodeMetadata value)
    {
        var dims = value.Dimensions;
        if (value.ElementType != typeof(float) || dims.Length != 4 || (dims[1] != 3 && dims[1] > 0))
        {
            throw new PluginException(
                $"{path}: {role} '{name}' is {value.ElementType.Name}[{string.Join(",", dims)}]; the onnx plugin runs float NCHW images with 3 channels (N x 3 x H x W).");
        }
    }

    /// <summary>Refuses a model whose metadata says it maps the other way.</summary>
    public void CheckDirection(TranslationDirection direction)
    {
        var asked = direction == TranslationDirection.AToB ? "a2b" : "b2a";
        if (Direction is not null && Direction != asked)
        {
            throw new PluginException($"{Path} maps {Direction} (its metadata says so), but {asked} was asked; pass --direction {Direction}, or export the {asked} direction.");
        }
    }

    /// <summary>Runs the model on one planar RGB image in its own range; returns the planar output.</summary>
    public float[] Run(float[] planar, int width, int height)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(planar, [1, 3, height, width]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [InputName], [input], [OutputName]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        if (shape.Length != 4 || shape[1] != 3 || shape[2] != height || shape[3] != width)
        {
            throw new PluginException($"{Path}: a 3x{height}x{width} input gave an output of [{string.Join(",", shape)}]; the onnx plugin needs an output of the input's size.");
        }
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
