using StyleForge.Engine.Catalog;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Host.Tests;

public sealed class PluginVersionPolicyTests
{
    [Theory]
    [InlineData(1, 0, 1, 0)]
    [InlineData(1, 0, 1, 3)]
    [InlineData(2, 1, 2, 4)]
    public void Given_same_major_and_an_older_or_equal_minor_When_checked_Then_the_plugin_is_accepted(int pMajor, int pMinor, int hMajor, int hMinor)
    {
        Assert.Null(PluginVersionPolicy.Check(new PluginApiVersion(pMajor, pMinor), new PluginApiVersion(hMajor, hMinor)));
    }

    [Theory]
    [InlineData(2, 0, 1, 0, "built for plugin API 2.0", "implements API 1.0")]
    [InlineData(0, 9, 1, 0, "built for plugin API 0.9", "implements API 1.0")]
    [InlineData(1, 2, 1, 1, "needs plugin API 1.2", "host's API 1.1")]
    public void Given_another_major_or_a_newer_minor_When_checked_Then_the_refusal_names_both_versions(
        int pMajor, int pMinor, int hMajor, int hMinor, string pluginText, string hostText)
    {
        var refusal = PluginVersionPolicy.Check(new PluginApiVersion(pMajor, pMinor), new PluginApiVersion(hMajor, hMinor));

        Assert.NotNull(refusal);
        Assert.Contains(pluginText, refusal);
        Assert.Contains(hostText, refusal);
    }
}
