using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Runtime;

/// <summary>
/// libtorch's intra-op thread count is process-wide. <see cref="Use"/> sets it for a stretch of work, and disposing
/// the result puts back the count found, so whatever runs next in the process (a stylizer after training in the same
/// pipeline) starts from where it was.
/// </summary>
internal readonly struct IntraOpThreads : IDisposable
{
    private readonly int _previous;

    private IntraOpThreads(int previous) => _previous = previous;

    public static IntraOpThreads Use(int threads)
    {
        var previous = get_num_threads();
        set_num_threads(threads);
        return new IntraOpThreads(previous);
    }

    public void Dispose() => set_num_threads(_previous);
}
