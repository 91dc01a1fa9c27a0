namespace StyleForge.Viewer.Tests;

/// <summary>
/// Everything that drives lavapipe or the X server runs in this one collection, so those
/// tests run one after another: the machine has two cores and one private X server.
/// </summary>
[CollectionDefinition(Name)]
public sealed class VulkanCollection : ICollectionFixture<XvfbDisplay>
{
    public const string Name = "Vulkan";
}
