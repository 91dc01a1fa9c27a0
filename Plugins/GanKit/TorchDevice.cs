using System.Reflection;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit;

/// <summary>Turns the device option (and the host's --device) into a libtorch device.</summary>
internal static class TorchDevice
{
    /// <summary>The libtorch flavour this plugin was built with: "cpu" (TorchSharp-cpu) or "cuda" (build/TorchSharpBackend.props).</summary>
    public static string Backend { get; } =
        typeof(TorchDevice).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TorchBackend").Value!;

    /// <summary>
    /// The plugin's own device option wins unless it is "auto"; then the host's choice applies; "auto"
    /// picks CUDA when libtorch sees a GPU. Asking for CUDA without one is an error for people.
    /// </summary>
    public static Device Resolve(string optionDevice, string hostDevice) =>
        Resolve(optionDevice, hostDevice, Backend, cuda.is_available());

    /// <summary>The decision, with the build's backend and whether libtorch sees a GPU given, so each case can be tested.</summary>
    internal static Device Resolve(string optionDevice, string hostDevice, string backend, bool hasCuda)
    {
        var requested = optionDevice != "auto" ? optionDevice : hostDevice;
        return requested switch
        {
            "cpu" => CPU,
            "cuda" when hasCuda => CUDA,
            "cuda" when backend != "cuda" => throw new PluginException(
                "device=cuda was requested, but this build has the CPU-only libtorch (TorchSharp-cpu): rebuild with STYLEFORGE_TORCH_BACKEND=cuda " +
                "(the styleforge launcher) or dotnet build -p:TorchBackend=cuda, or use device=cpu or auto."),
            "cuda" => throw new PluginException(
                "device=cuda was requested, but the CUDA build of libtorch sees no CUDA GPU: check the NVIDIA driver (nvidia-smi) and " +
                "CUDA_VISIBLE_DEVICES, or use device=cpu or auto."),
            _ => hasCuda ? CUDA : CPU,
        };
    }
}
