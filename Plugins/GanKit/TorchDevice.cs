using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit;

/// <summary>Turns the device option (and the host's --device) into a libtorch device.</summary>
internal static class TorchDevice
{
    /// <summary>
    /// The plugin's own device option wins unless it is "auto"; then the host's choice applies; "auto"
    /// picks CUDA when libtorch sees a GPU. Asking for CUDA without one is an error for people.
    /// </summary>
    public static Device Resolve(string optionDevice, string hostDevice)
    {
        var requested = optionDevice != "auto" ? optionDevice : hostDevice;
        var hasCuda = cuda.is_available();
        return requested switch
        {
            "cpu" => CPU,
            "cuda" when hasCuda => CUDA,
            "cuda" => throw new PluginException(
                "device=cuda was requested, but libtorch sees no CUDA GPU (this build may use TorchSharp-cpu: build with -p:TorchBackend=cuda); use device=cpu or auto."),
            _ => hasCuda ? CUDA : CPU,
        };
    }
}
