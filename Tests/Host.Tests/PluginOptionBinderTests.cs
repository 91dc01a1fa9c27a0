using StyleForge.Engine.Options;
using StyleForge.Host.Pipelines;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Host.Tests;

public sealed class PluginOptionBinderTests
{
    private static readonly PluginDescriptor Plugin = new("demo", "1.0", PluginApi.Current, "test plugin", new[]
    {
        new PluginOption("ngf", PluginOptionType.Integer, "64", "filters") { Minimum = 1 },
        new PluginOption("lr", PluginOptionType.Number, "0.0002", "learning rate") { Minimum = 0 },
        new PluginOption("flip", PluginOptionType.Boolean, "true", "flip"),
        new PluginOption("gan_loss", PluginOptionType.Choice, "lsgan", "loss") { Choices = new[] { "lsgan", "vanilla" } },
        new PluginOption("iterations", PluginOptionType.Integer, "", "iterations") { Optional = true, Minimum = 1 },
    });

    private static readonly SourceLocation Here = new("p.yaml", 3, 5);

    [Fact]
    public void Given_no_inputs_When_bound_Then_every_declared_option_has_its_default()
    {
        var errors = new List<InputError>();
        var values = PluginOptionBinder.Bind(Plugin, Array.Empty<OptionInput>(), errors);

        Assert.Empty(errors);
        Assert.Equal(64, values.GetInteger("ngf"));
        Assert.Equal(0.0002, values.GetNumber("lr"));
        Assert.True(values.GetBoolean("flip"));
        Assert.Equal("lsgan", values.GetText("gan_loss"));
        Assert.False(values.IsSet("iterations"));
    }

    [Fact]
    public void Given_values_in_other_spellings_When_bound_Then_they_are_normalised()
    {
        var errors = new List<InputError>();
        var values = PluginOptionBinder.Bind(Plugin, new[]
        {
            new OptionInput("lr", "2e-4", Here),
            new OptionInput("flip", "False", Here),
            new OptionInput("gan_loss", "VANILLA", Here),
            new OptionInput("iterations", "600", Here),
        }, errors);

        Assert.Empty(errors);
        Assert.Equal("0.0002", values.GetText("lr"));
        Assert.Equal("false", values.GetText("flip"));
        Assert.Equal("vanilla", values.GetText("gan_loss"));
        Assert.Equal(600, values.GetInteger("iterations"));
    }

    [Theory]
    [InlineData("ngf", "sixty", "not a whole number")]
    [InlineData("ngf", "0", "out of range of at least 1")]
    [InlineData("lr", "fast", "not a number")]
    [InlineData("flip", "yes please", "not true or false")]
    [InlineData("gan_loss", "lsgn", "did you mean 'lsgan'")]
    [InlineData("ngg", "4", "did you mean 'ngf'")]
    public void Given_a_bad_value_When_bound_Then_the_error_is_located_and_says_what_is_wrong(string key, string value, string expected)
    {
        var errors = new List<InputError>();
        PluginOptionBinder.Bind(Plugin, new[] { new OptionInput(key, value, Here) }, errors);

        var error = Assert.Single(errors);
        Assert.Equal(Here, error.Where);
        Assert.Contains(expected, error.Message);
    }
}
