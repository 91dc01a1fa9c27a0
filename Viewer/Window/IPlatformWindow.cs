using Silk.NET.Vulkan;
using StyleForge.Viewer.Vulkan;

namespace StyleForge.Viewer.Window;

/// <summary>
/// What the viewer needs from a window system: events reduced to <see cref="WindowEvent"/> (keys as
/// X11 keysyms on every platform, so one <see cref="KeyMap"/> serves all), a title, and a Vulkan surface.
/// </summary>
internal interface IPlatformWindow : IDisposable
{
    /// <summary>The instance extension that creates this window's surface, besides VK_KHR_surface.</summary>
    string SurfaceExtension { get; }

    bool HasPendingEvents { get; }

    string Title { get; set; }

    /// <summary>Returns the next event, blocking until one arrives.</summary>
    WindowEvent NextEvent();

    /// <summary>Creates the window's VkSurfaceKHR on an instance made with <see cref="SurfaceExtension"/>.</summary>
    SurfaceKHR CreateSurface(VulkanInstance instance);
}

/// <summary>Opens the window of the platform the viewer runs on: the one place that asks which that is.</summary>
internal static class PlatformWindow
{
    /// <exception cref="DisplayUnavailableException">No window system the viewer can use.</exception>
    public static IPlatformWindow Open(string? displayName, int width, int height)
    {
        if (OperatingSystem.IsWindows())
        {
            return Win32Window.Open(width, height);
        }
        if (OperatingSystem.IsLinux())
        {
            return XlibWindow.Open(displayName, width, height);
        }
        throw new DisplayUnavailableException(
            "The viewer window is implemented for X11 (Linux) and Win32 (Windows) only; render a contact sheet instead.");
    }
}
