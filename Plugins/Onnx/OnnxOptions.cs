namespace StyleForge.Plugins.Onnx;

/// <summary>The options of the onnx plugin, as <c>styleforge plugins</c> lists them.</summary>
internal static class OnnxOptions
{
    public const string Model = "model";
    public const string Range = "range";
    public const string SizeMultiple = "size_multiple";
    public const string Threads = "threads";
    public const string Upscale = "upscale";

    public static readonly IReadOnlyList<PluginOption> Declared =
    [
        new(Model, PluginOptionType.Text, "",
            "The .onnx file to run: one 'styleforge export' wrote, or any model mapping 3-channel NCHW images to the same. Example: --set model=build/daynight_a2b.onnx"),
        new(Range, PluginOptionType.Choice, "auto",
            "The value range the model takes and returns: auto reads the model's 'normalization' metadata (exports say [-1,1]) and assumes [-1,1] without it.")
        {
            Choices = ["auto", "minus_one_to_one", "zero_to_one"],
        },
        new(SizeMultiple, PluginOptionType.Integer, "0",
            "Pad each image (and tile) to a multiple of this many pixels before running: 0 reads the model's 'size_multiple' metadata (4 for exports), 1 without it.")
        {
            Minimum = 0,
            Maximum = 256,
        },
        new(Threads, PluginOptionType.Integer, "0", "ONNX Runtime's intra-op threads; 0 uses every core.") { Minimum = 0, Maximum = 1024 },
        new(Upscale, PluginOptionType.Choice, "guided",
            "How the result of a model that works below scale 1 comes back to the texture's size: guided (fitted to the full-size texture, as the training plugins convert) or resize (a plain cubic resize).")
        {
            Choices = ["guided", "resize"],
        },
    ];
}
