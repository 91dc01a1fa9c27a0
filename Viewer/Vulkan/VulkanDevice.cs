using System.Runtime.InteropServices;
using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Owns the logical device and its one graphics queue, and knows the chosen GPU's limits.</summary>
internal sealed unsafe class VulkanDevice : IDisposable
{
    private readonly PhysicalDeviceMemoryProperties _memory;

    private VulkanDevice(Vk vk, PhysicalDevice physical, Device handle, uint queueFamily, PhysicalDeviceProperties properties,
        PhysicalDeviceMemoryProperties memory)
    {
        Vk = vk;
        Physical = physical;
        Handle = handle;
        QueueFamily = queueFamily;
        _memory = memory;
        MaxImageDimension2D = properties.Limits.MaxImageDimension2D;
        Name = Marshal.PtrToStringUTF8((nint)properties.DeviceName) ?? "unknown device";
        Queue queue;
        vk.GetDeviceQueue(handle, queueFamily, 0, &queue);
        Queue = queue;
    }

    public Vk Vk { get; }

    public PhysicalDevice Physical { get; }

    public Device Handle { get; }

    public Queue Queue { get; }

    public uint QueueFamily { get; }

    /// <summary>The largest texture side the device accepts; the spec guarantees at least 4096.</summary>
    public uint MaxImageDimension2D { get; }

    public string Name { get; }

    /// <summary>Picks a GPU with a graphics queue (that can also present, when asked) and creates the device.</summary>
    /// <param name="instance">The instance to enumerate devices from.</param>
    /// <param name="canPresent">Whether a queue family can present to the window; null when headless.</param>
    /// <exception cref="VulkanUnavailableException">No device qualifies.</exception>
    public static VulkanDevice Create(VulkanInstance instance, Func<PhysicalDevice, uint, bool>? canPresent)
    {
        var vk = instance.Vk;
        uint count = 0;
        VulkanCall.Check(vk.EnumeratePhysicalDevices(instance.Handle, &count, null), "vkEnumeratePhysicalDevices");
        var devices = new PhysicalDevice[count];
        fixed (PhysicalDevice* p = devices)
        {
            VulkanCall.Check(vk.EnumeratePhysicalDevices(instance.Handle, &count, p), "vkEnumeratePhysicalDevices");
        }

        var candidates = devices
            .Select(d => (Device: d, Family: GraphicsFamily(vk, d, canPresent), Properties: Properties(vk, d)))
            .Where(c => c.Family is not null)
            .OrderBy(c => Preference(c.Properties.DeviceType))
            .ToList();
        if (candidates.Count == 0)
        {
            throw new VulkanUnavailableException(count == 0
                ? "no Vulkan device was found"
                : "no Vulkan device has a graphics queue that can draw to this window");
        }

        var (physical, family, properties) = candidates[0];
        var queueFamily = family!.Value;
        using var extensions = new Utf8StringArray(canPresent is null ? [] : ["VK_KHR_swapchain"]);
        var priority = 1f;
        var queueInfo = new DeviceQueueCreateInfo
        {
            SType = StructureType.DeviceQueueCreateInfo,
            QueueFamilyIndex = queueFamily,
            QueueCount = 1,
            PQueuePriorities = &priority,
        };
        var features = new PhysicalDeviceFeatures();
        var info = new DeviceCreateInfo
        {
            SType = StructureType.DeviceCreateInfo,
            QueueCreateInfoCount = 1,
            PQueueCreateInfos = &queueInfo,
            PEnabledFeatures = &features,
            EnabledExtensionCount = extensions.Count,
            PpEnabledExtensionNames = extensions.Pointer,
        };
        Device device;
        VulkanCall.Check(vk.CreateDevice(physical, &info, null, &device), "vkCreateDevice");
        PhysicalDeviceMemoryProperties memory;
        vk.GetPhysicalDeviceMemoryProperties(physical, &memory);
        return new VulkanDevice(vk, physical, device, queueFamily, properties, memory);
    }

    /// <summary>Finds a memory type allowed by <paramref name="typeBits"/> that has all <paramref name="flags"/>.</summary>
    public uint MemoryType(uint typeBits, MemoryPropertyFlags flags)
    {
        for (var i = 0; i < _memory.MemoryTypeCount; i++)
        {
            if ((typeBits & (1u << i)) != 0 && (_memory.MemoryTypes[i].PropertyFlags & flags) == flags)
            {
                return (uint)i;
            }
        }
        throw new InvalidOperationException($"The Vulkan device {Name} has no memory type with {flags}.");
    }

    /// <summary>Looks up a device-level function that Silk.NET.Vulkan does not wrap (the swapchain ones).</summary>
    public nint Function(string name)
    {
        var address = (nint)Vk.GetDeviceProcAddr(Handle, name);
        if (address == 0)
        {
            throw new VulkanUnavailableException($"the driver does not provide {name}");
        }
        return address;
    }

    /// <summary>Whether optimal-tiling images of <paramref name="format"/> can be blitted with linear filtering (to build mips).</summary>
    public bool CanBlitLinear(Format format)
    {
        FormatProperties properties;
        Vk.GetPhysicalDeviceFormatProperties(Physical, format, &properties);
        const FormatFeatureFlags needed = FormatFeatureFlags.BlitSrcBit | FormatFeatureFlags.BlitDstBit |
            FormatFeatureFlags.SampledImageFilterLinearBit;
        return (properties.OptimalTilingFeatures & needed) == needed;
    }

    /// <summary>Whether optimal-tiling images of <paramref name="format"/> can be sampled (block formats are optional in Vulkan).</summary>
    public bool CanSample(Format format)
    {
        FormatProperties properties;
        Vk.GetPhysicalDeviceFormatProperties(Physical, format, &properties);
        const FormatFeatureFlags needed = FormatFeatureFlags.SampledImageBit | FormatFeatureFlags.SampledImageFilterLinearBit;
        return (properties.OptimalTilingFeatures & needed) == needed;
    }

    public void WaitIdle() => VulkanCall.Check(Vk.DeviceWaitIdle(Handle), "vkDeviceWaitIdle");

    public void Dispose() => Vk.DestroyDevice(Handle, null);

    private static PhysicalDeviceProperties Properties(Vk vk, PhysicalDevice device)
    {
        PhysicalDeviceProperties properties;
        vk.GetPhysicalDeviceProperties(device, &properties);
        return properties;
    }

    // Real GPUs first; lavapipe (a CPU device) still qualifies so the viewer runs without one.
    private static int Preference(PhysicalDeviceType type) => type switch
    {
        PhysicalDeviceType.DiscreteGpu => 0,
        PhysicalDeviceType.IntegratedGpu => 1,
        PhysicalDeviceType.VirtualGpu => 2,
        _ => 3,
    };

    private static uint? GraphicsFamily(Vk vk, PhysicalDevice device, Func<PhysicalDevice, uint, bool>? canPresent)
    {
        uint count = 0;
        vk.GetPhysicalDeviceQueueFamilyProperties(device, &count, null);
        var families = new QueueFamilyProperties[count];
        fixed (QueueFamilyProperties* p = families)
        {
            vk.GetPhysicalDeviceQueueFamilyProperties(device, &count, p);
        }
        for (uint i = 0; i < count; i++)
        {
            if ((families[i].QueueFlags & QueueFlags.GraphicsBit) != 0 && (canPresent is null || canPresent(device, i)))
            {
                return i;
            }
        }
        return null;
    }
}
