using System.Runtime.InteropServices;
using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Owns the loader entry points and a VkInstance.</summary>
internal sealed unsafe class VulkanInstance : IDisposable
{
    private const string ValidationLayer = "VK_LAYER_KHRONOS_validation";

    private VulkanInstance(Vk vk, Instance handle)
    {
        Vk = vk;
        Handle = handle;
    }

    public Vk Vk { get; }

    public Instance Handle { get; }

    /// <summary>Loads Vulkan and creates an instance with the given extensions.</summary>
    /// <exception cref="VulkanUnavailableException">The loader, a driver or an extension is missing.</exception>
    public static VulkanInstance Create(IReadOnlyList<string> extensions)
    {
        Vk vk;
        try
        {
            vk = Vk.GetApi();
        }
        catch (Exception e) when (e is DllNotFoundException or FileNotFoundException or EntryPointNotFoundException)
        {
            throw new VulkanUnavailableException("the Vulkan loader library could not be loaded", e);
        }

        var available = AvailableExtensions(vk);
        var missing = extensions.Where(e => !available.Contains(e)).ToList();
        if (missing.Count > 0)
        {
            throw new VulkanUnavailableException($"no Vulkan driver offers {string.Join(", ", missing)}");
        }

        using var layerNames = new Utf8StringArray(DebugLayers(vk));
        using var extensionNames = new Utf8StringArray(extensions);
        fixed (byte* appName = "StyleForge Viewer"u8)
        {
            var app = new ApplicationInfo
            {
                SType = StructureType.ApplicationInfo,
                PApplicationName = appName,
                ApplicationVersion = 1,
                PEngineName = appName,
                EngineVersion = 1,
                ApiVersion = Vk.Version11,
            };
            var info = new InstanceCreateInfo
            {
                SType = StructureType.InstanceCreateInfo,
                PApplicationInfo = &app,
                EnabledLayerCount = layerNames.Count,
                PpEnabledLayerNames = layerNames.Pointer,
                EnabledExtensionCount = extensionNames.Count,
                PpEnabledExtensionNames = extensionNames.Pointer,
            };
            Instance instance;
            var result = vk.CreateInstance(&info, null, &instance);
            // The loader answers IncompatibleDriver when it finds no driver at all (no ICD JSON).
            if (result is Result.ErrorIncompatibleDriver or Result.ErrorInitializationFailed)
            {
                throw new VulkanUnavailableException($"vkCreateInstance found no usable driver ({result})");
            }
            VulkanCall.Check(result, "vkCreateInstance");
            return new VulkanInstance(vk, instance);
        }
    }

    /// <summary>Looks up an instance-level function that Silk.NET.Vulkan does not wrap (the KHR ones).</summary>
    public nint Function(string name)
    {
        var address = (nint)Vk.GetInstanceProcAddr(Handle, name);
        if (address == 0)
        {
            throw new VulkanUnavailableException($"the driver does not provide {name}");
        }
        return address;
    }

    public void Dispose()
    {
        Vk.DestroyInstance(Handle, null);
        Vk.Dispose();
    }

    private static HashSet<string> AvailableExtensions(Vk vk)
    {
        uint count = 0;
        VulkanCall.Check(vk.EnumerateInstanceExtensionProperties((byte*)null, &count, null), "vkEnumerateInstanceExtensionProperties");
        var properties = new ExtensionProperties[count];
        fixed (ExtensionProperties* p = properties)
        {
            VulkanCall.Check(vk.EnumerateInstanceExtensionProperties((byte*)null, &count, p), "vkEnumerateInstanceExtensionProperties");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            fixed (byte* name = properties[i].ExtensionName)
            {
                names.Add(Marshal.PtrToStringUTF8((nint)name) ?? string.Empty);
            }
        }
        return names;
    }

    // Debug builds turn on the Khronos validation layer when it is installed, so API misuse
    // shows up during development; release builds never pay for it.
#if DEBUG
    private static readonly bool ValidateInThisBuild = true;
#else
    private static readonly bool ValidateInThisBuild = false;
#endif

    private static IReadOnlyList<string> DebugLayers(Vk vk)
    {
        if (!ValidateInThisBuild)
        {
            return [];
        }
        uint count = 0;
        VulkanCall.Check(vk.EnumerateInstanceLayerProperties(&count, null), "vkEnumerateInstanceLayerProperties");
        var layers = new LayerProperties[count];
        fixed (LayerProperties* p = layers)
        {
            VulkanCall.Check(vk.EnumerateInstanceLayerProperties(&count, p), "vkEnumerateInstanceLayerProperties");
        }
        for (var i = 0; i < count; i++)
        {
            fixed (byte* name = layers[i].LayerName)
            {
                if (Marshal.PtrToStringUTF8((nint)name) == ValidationLayer)
                {
                    return [ValidationLayer];
                }
            }
        }
        return [];
    }
}
