using StyleForge.Viewer.Vulkan;
using StyleForge.Viewer.Window;

namespace StyleForge.Viewer;

/// <summary>The interactive Vulkan texture viewer window (X11 on Linux, Win32 on Windows).</summary>
public static class WindowViewer
{
    /// <summary>Keys and mouse gestures with what they do, for --help text and docs.</summary>
    public static IReadOnlyList<(string Key, string Action)> KeyBindings => KeyMap.Bindings;

    /// <summary>Opens a window on the pairs and runs until it is closed (or Frames frames are shown).</summary>
    /// <returns>0 when the window was closed normally.</returns>
    /// <exception cref="DisplayUnavailableException">No X display (or no window system); the caller may fall back to a headless sheet.</exception>
    /// <exception cref="VulkanUnavailableException">No Vulkan loader, driver or device that can present.</exception>
    public static int Run(IReadOnlyList<ViewerPair> pairs, ViewerOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("The viewer needs at least one image.", nameof(pairs));
        }
        foreach (var pair in pairs)
        {
            pair.Before.Validate();
            pair.After?.Validate();
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Width, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Height, 1, nameof(options));
        if (options.Frames is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Frames, "Frames must be at least 1 when set.");
        }

        // The display is checked before Vulkan so that a host without X falls back quickly.
        using var window = PlatformWindow.Open(options.Display, options.Width, options.Height);
        using var instance = VulkanInstance.Create(["VK_KHR_surface", window.SurfaceExtension]);
        using var surface = new WindowSurface(instance, window);
        using var device = VulkanDevice.Create(instance, surface.CanPresent);
        GpuTexturePair.CheckFits(device, pairs);
        using var renderer = new WindowRenderer(device, surface, preferImmediate: options.Frames is not null);
        var session = new ViewerSession(pairs, options);
        RunLoop(window, renderer, session, options.Frames);
        return 0;
    }

    private static void RunLoop(IPlatformWindow window, WindowRenderer renderer, ViewerSession session, int? frameLimit)
    {
        var loaded = -1;
        var frames = 0;
        var noArea = false;
        while (!session.Quit)
        {
            // Events first. Block for the next one when there is nothing to draw, so an idle
            // viewer costs no CPU; a frame limit means continuous drawing instead.
            var idle = frameLimit is null && !session.Dirty;
            if (window.HasPendingEvents || idle || noArea || session.Hidden)
            {
                var e = window.NextEvent();
                session.Handle(e);
                noArea &= e.Kind is not (WindowEventKind.Resized or WindowEventKind.Shown or WindowEventKind.Exposed);
                continue;
            }

            if (loaded != session.Index)
            {
                renderer.Show(session.Pair);
                loaded = session.Index;
            }
            session.PrepareFrame();
            window.Title = session.Title;
            switch (renderer.Draw(session.State, session.Pair, session.ViewSize))
            {
                case FrameResult.Presented:
                    session.Dirty = false;
                    frames++;
                    if (frames >= frameLimit)
                    {
                        return;
                    }
                    break;
                case FrameResult.NoArea:
                    noArea = true;
                    break;
                case FrameResult.Retry:
                    break;
            }
        }
    }
}
