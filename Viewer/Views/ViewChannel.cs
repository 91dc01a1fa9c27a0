namespace StyleForge.Viewer.Views;

/// <summary>Which channels are shown; a single channel is drawn as gray. Values match view.frag.</summary>
internal enum ViewChannel
{
    All = 0,
    Red = 1,
    Green = 2,
    Blue = 3,
    Alpha = 4,
}
