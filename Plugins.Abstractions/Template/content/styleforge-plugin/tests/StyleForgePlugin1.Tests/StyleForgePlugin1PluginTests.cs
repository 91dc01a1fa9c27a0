using StyleForge.Plugins;
using Xunit;

namespace StyleForgePlugin1.Tests;

public sealed class StyleForgePlugin1PluginTests
{
    private readonly StyleForgePlugin1Plugin _plugin = new();

    [Fact]
    public void Given_the_descriptor_Then_it_is_built_for_this_contract_and_every_option_default_is_valid()
    {
        Assert.Equal(PluginApi.Current, _plugin.Descriptor.ApiVersion);
        Assert.Equal(_plugin.Descriptor.Name.ToLowerInvariant(), _plugin.Descriptor.Name);
        Assert.NotEmpty(_plugin.Descriptor.Options);
    }

#if (trainable)
    [Fact]
    public void Given_a_dark_A_and_a_bright_B_When_trained_Then_A_to_B_brightens_and_B_to_A_darkens()
    {
        var model = Directory.CreateTempSubdirectory("styleforgeplugin1-test-").FullName;
        try
        {
            var context = new TestContext(model);
            var result = _plugin.Train(new TrainingRequest(new FlatSet(0.2f), new FlatSet(0.6f), model, false, Options(1)), context);
            Assert.Equal(model, result.ModelDirectory);

            using var toB = _plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, Options(1)), context);
            var bright = toB.Stylize(Flat(0.2f), new StylizeSettings(), CancellationToken.None);
            Assert.All(bright.Pixels, v => Assert.Equal(0.6f, v, 3));

            using var toA = _plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.BToA, Options(0.5)), context);
            var dark = toA.Stylize(Flat(0.6f), new StylizeSettings(), CancellationToken.None);
            Assert.All(dark.Pixels, v => Assert.Equal(0.4f, v, 3));
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }

    [Fact]
    public void Given_no_model_folder_When_opening_Then_it_says_a_model_is_needed()
    {
        var error = Assert.Throws<PluginException>(() => _plugin.OpenStylizer(new StylizerRequest(null, TranslationDirection.AToB, Options(1)), new TestContext(Path.GetTempPath())));
        Assert.Contains("--model", error.Message);
    }

    private static OptionValues Options(double strength) =>
        new(new Dictionary<string, string> { ["strength"] = strength.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static TextureBuffer Flat(float value) => new(2, 2, 3, Enumerable.Repeat(value, 12).ToArray());

    private sealed class FlatSet : ITextureSet
    {
        private readonly float _value;

        public FlatSet(float value) => _value = value;

        public int Count => 2;

        public string GetRelativePath(int index) => $"flat{index}.png";

        public TextureBuffer Load(int index) => Flat(_value);
    }

    private sealed class TestContext : IPluginContext, IPluginLog
    {
        public TestContext(string work) => WorkDirectory = work;

        public string WorkDirectory { get; }

        public IProgress<PluginProgress> Progress { get; } = new Progress<PluginProgress>();

        public IPluginLog Log => this;

        public CancellationToken Cancellation => CancellationToken.None;

        public int Seed => 0;

        public string Device => "cpu";

        public void Info(string message)
        {
        }

        public void Warn(string message)
        {
        }
    }
#else
    [Fact]
    public void Given_two_levels_When_stylizing_Then_every_channel_becomes_0_or_1_and_the_size_is_kept()
    {
        var options = new OptionValues(new Dictionary<string, string> { ["levels"] = "2" });
        // The host passes no model folder to a plugin that does not train; this plugin does not use the context.
        using var stylizer = _plugin.OpenStylizer(new StylizerRequest(null, TranslationDirection.AToB, options), null!);
        var input = new TextureBuffer(2, 1, 3, new[] { 0.1f, 0.4f, 0.6f, 0.9f, 0.7f, 0f });

        var output = stylizer.Stylize(input, new StylizeSettings(), CancellationToken.None);

        Assert.Equal((2, 1, 3), (output.Width, output.Height, output.Channels));
        Assert.Equal(new[] { 0f, 0f, 1f, 1f, 1f, 0f }, output.Pixels);
    }
#endif
}
