using StyleForge.Plugins;
using StyleForge.Plugins.GanKit;
using Xunit;
using TorchSharp;

namespace StyleForge.CycleGan.Tests;

/// <summary>Which device a run gets, and the one-line errors when CUDA is asked for but cannot be had.</summary>
public sealed class TorchDeviceTests
{
    [Fact]
    public void Cuda_requested_of_this_cpu_only_build_says_how_to_get_the_cuda_build()
    {
        // Given the plugin as built here, with TorchSharp-cpu (the default backend)
        Assert.Equal("cpu", TorchDevice.Backend);

        // When a run asks for CUDA, through the plugin option or through the host's --device
        var fromOption = Assert.Throws<PluginException>(() => TorchDevice.Resolve("cuda", "auto"));
        var fromHost = Assert.Throws<PluginException>(() => TorchDevice.Resolve("auto", "cuda"));

        // Then one line says why and what to do
        Assert.Equal(fromOption.Message, fromHost.Message);
        Assert.DoesNotContain('\n', fromOption.Message);
        Assert.Contains("CPU-only libtorch (TorchSharp-cpu)", fromOption.Message);
        Assert.Contains("STYLEFORGE_TORCH_BACKEND=cuda", fromOption.Message);
    }

    [Fact]
    public void Cuda_requested_of_a_cuda_build_without_a_gpu_points_at_the_driver()
    {
        var error = Assert.Throws<PluginException>(() => TorchDevice.Resolve("cuda", "auto", backend: "cuda", hasCuda: false));

        Assert.Contains("sees no CUDA GPU", error.Message);
        Assert.Contains("nvidia-smi", error.Message);
    }

    [Fact]
    public void Auto_without_a_gpu_and_an_explicit_cpu_choose_the_cpu()
    {
        // (The CUDA device itself cannot be made on a machine whose libtorch has no CUDA, so only the CPU outcomes are checked.)
        Assert.Equal(DeviceType.CPU, TorchDevice.Resolve("auto", "auto").type);
        Assert.Equal(DeviceType.CPU, TorchDevice.Resolve("auto", "auto", backend: "cuda", hasCuda: false).type);
        Assert.Equal(DeviceType.CPU, TorchDevice.Resolve("cpu", "cuda", backend: "cuda", hasCuda: true).type);
    }
}
