using StyleForge.Viewer.Window;

namespace StyleForge.Viewer.Tests;

/// <summary>The Win32 window's virtual-key codes reach the same key map as X11's keysyms.</summary>
public sealed class Win32KeyTests
{
    [Fact]
    public void Every_action_of_the_key_map_is_reachable_from_a_windows_key()
    {
        var reached = Enumerable.Range(0, 256)
            .Select(vk => Win32Window.KeySym((nuint)vk))
            .OfType<ulong>()
            .Select(KeyMap.ActionFor)
            .OfType<ViewerAction>()
            .ToHashSet();

        Assert.Equal(Enum.GetValues<ViewerAction>().Order(), reached.Order());
    }

    [Theory]
    [InlineData(0x72, nameof(ViewerAction.ModeSplit))] // VK_F3
    [InlineData(0x27, nameof(ViewerAction.NextFile))] // VK_RIGHT
    [InlineData(0x51, nameof(ViewerAction.Quit))] // 'Q'
    [InlineData(0x41, nameof(ViewerAction.ChannelAlpha))] // 'A'
    [InlineData(0xBB, nameof(ViewerAction.ZoomIn))] // VK_OEM_PLUS, the =/+ key
    [InlineData(0x6D, nameof(ViewerAction.ZoomOut))] // VK_SUBTRACT, keypad -
    [InlineData(0x20, nameof(ViewerAction.ShowAfterWhileHeld))] // VK_SPACE
    [InlineData(0xDD, nameof(ViewerAction.MipSmaller))] // VK_OEM_6, ] on US layouts
    [InlineData(0xDB, nameof(ViewerAction.MipLarger))] // VK_OEM_4, [ on US layouts
    public void A_windows_key_does_what_the_same_key_does_on_x11(int virtualKey, string action)
    {
        Assert.Equal(Enum.Parse<ViewerAction>(action), KeyMap.ActionFor(Win32Window.KeySym((nuint)virtualKey)!.Value));
    }

    [Fact]
    public void Keys_the_viewer_does_not_use_map_to_nothing()
    {
        Assert.Null(Win32Window.KeySym(0x10)); // VK_SHIFT
        Assert.Null(Win32Window.KeySym(0x5B)); // VK_LWIN
    }
}
